// Building blocks of the movie, show, season and episode pages: the artwork header, play and watched buttons,
// cast (linking to people pages), and how the title was identified.
import { api, type Credit, type Item } from '../api.ts';
import { clock, errorBox, h, message } from '../dom.ts';
import { fileLabel } from './file-details.ts';
import { itemHref, playHref } from './links.ts';

type Child = HTMLElement | string | null | false | undefined;

export interface DetailHead {
  title: string;
  /** A link back up (show › season) above the title. */
  crumbs?: HTMLElement | null;
  poster?: string | null;
  backdrop?: string | null;
  /** 16:9 artwork (an episode's thumb) instead of a poster. */
  wide?: boolean;
  tagline?: string | null;
  facts: (string | null | false | undefined)[];
}

/** A detail page: backdrop, artwork, heading, facts, then `body`. */
export function detailPage(d: DetailHead, ...body: Child[]): HTMLElement {
  const art = d.poster
    ? h('img.poster', { src: d.poster, alt: `Artwork of ${d.title}` })
    : h('div.poster.placeholder', { 'aria-hidden': 'true' }, h('span', {}, d.title));
  if (d.wide) art.classList.add('wide');
  const grid = h(
    'div.detail-grid',
    {},
    art,
    h(
      'div.info',
      {},
      d.crumbs ?? null,
      h('h1', {}, d.title),
      d.tagline ? h('p.tagline', {}, d.tagline) : null,
      h('p.facts', {}, d.facts.filter(Boolean).join(' · ')),
      ...body,
    ),
  );
  if (d.wide) grid.classList.add('wide');
  return h(
    'section.page.detail',
    {},
    d.backdrop ? h('div.backdrop', { style: `background-image:url("${d.backdrop}")` }) : null,
    grid,
  );
}

/**
 * Play (or Resume and Play from start) for a movie or episode; a note when its file is missing. Resume plays the
 * file the position is in and names it when there are several (`Resume Part 2 from 10:00`).
 */
export function playButtons(item: Item, label = 'Play'): HTMLElement[] {
  if (!item.files.some((f) => !f.missing))
    return [h('p.error', { role: 'alert' }, `The file of this ${item.kind} is missing.`)];
  if (item.position > 0) {
    const file = item.files.length > 1 ? item.files.find((f) => f.id === item.resumeFileId) : undefined;
    const which = file ? fileLabel(file) : null;
    return [
      h(
        'a.button',
        { href: playHref(item.id, { file: item.resumeFileId }) },
        `▶ Resume ${which ? `${which} ` : ''}from ${clock(item.position)}`,
      ),
      h('a.button.ghost', { href: playHref(item.id, { from: 0 }) }, 'Play from start'),
    ];
  }
  return [h('a.button', { href: playHref(item.id, { from: 0 }) }, `▶ ${label}`)];
}

/**
 * A toggle button for watched state: PUT or DELETE on `path` (…/watched), then `after(watched)`; failures are
 * shown next to it.
 */
export function watchedToggle(
  path: string,
  watched: boolean,
  after?: (on: boolean) => void,
  what = '',
): HTMLElement {
  let on = watched;
  const button = h('button.ghost', { type: 'button' });
  const note = h('span', { 'aria-live': 'polite' });
  const draw = () => {
    const done = what ? `${what[0].toUpperCase()}${what.slice(1)}watched` : 'Watched';
    button.textContent = on ? `✓ ${done}` : `Mark ${what}watched`;
    button.setAttribute('aria-pressed', String(on));
    button.title = on ? `Mark ${what}unwatched` : `Mark ${what}watched`;
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    note.replaceChildren();
    try {
      await api(on ? 'DELETE' : 'PUT', path);
      on = !on;
      draw();
      after?.(on);
    } catch (e) {
      note.replaceChildren(errorBox(message(e)));
    } finally {
      button.disabled = false;
    }
  });
  draw();
  return h('span.toggle', {}, button, note);
}

export function actions(...children: Child[]): HTMLElement {
  return h('div.actions', {}, ...children);
}

/** A credited name, linking to the person's page (everything they are in). */
const personLink = (c: Credit) => h('a.name', { href: itemHref('person', c.personId) }, c.name);

/** Cast (with their roles) and crew, each name linking to their page, or nothing when no one is credited. */
export function castSection(credits: Credit[]): HTMLElement | null {
  if (!credits.length) return null;
  const actors = credits.filter((c) => c.role === 'actor');
  const crew = credits.filter((c) => c.role !== 'actor');
  return h(
    'section.cast',
    { 'aria-label': 'Cast and crew' },
    h('h2', {}, 'Cast & crew'),
    h(
      'ul.people',
      {},
      ...actors.map((c) =>
        h('li', {}, personLink(c), c.character ? h('span.muted', {}, ` as ${c.character}`) : null),
      ),
      ...crew.map((c) => h('li', {}, personLink(c), h('span.muted', {}, ` ${c.role}`))),
    ),
  );
}

const METHODS: Record<string, string> = {
  filename: 'from the file name',
  nfo: 'from an NFO file',
  'provider-id': 'by a provider id in the file or folder name',
  manual: 'by hand',
};

/** How the scanner matched the title, in words, with the method and confidence; then `more` (the editor). */
export function identification(match: Item['match'], more: HTMLElement | null = null): HTMLElement {
  const text = match
    ? `Identified ${METHODS[match.method] ?? `by ${match.method}`} (method “${match.method}”, confidence ${Math.round(match.confidence * 100)}%)`
    : 'Not identified';
  return h(
    'section',
    { 'aria-label': 'Identification' },
    h('h2', {}, 'Identification'),
    h('p.match', {}, text),
    more,
  );
}
