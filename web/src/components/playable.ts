// What movie and episode pages share: loading the title with its credits and file stats, and the sections below
// the heading (Play / Resume and watched, overview, cast, files, anything page-specific, identification and editing).
import { type Credit, type FileStats, get, type Item } from '../api.ts';
import { h } from '../dom.ts';
import { actions, castSection, identification, playButtons, watchedToggle } from './detail.ts';
import { filesSection } from './file-details.ts';
import { metadataEditor } from './metadata-edit.ts';

export interface Playable {
  item: Item;
  credits: Credit[];
  /** null when the stats could not be read (the plain file list is shown). */
  stats: FileStats[] | null;
  /** The item's API path, e.g. /v1/movies/abc. */
  path: string;
}

export async function loadPlayable(prefix: '/v1/movies' | '/v1/episodes', id: string): Promise<Playable> {
  const path = `${prefix}/${encodeURIComponent(id)}`;
  const [item, credits, stats] = await Promise.all([
    get<Item>(path),
    get<{ items: Credit[] }>(`${path}/credits`).catch(() => ({ items: [] })),
    get<{ items: FileStats[] }>(`${path}/file-stats`).catch(() => null),
  ]);
  return { item, credits: credits.items, stats: stats?.items ?? null, path };
}

/** Play / Resume and the watched toggle; marking it watched clears the resume point, so Resume becomes Play. */
function playActions(p: Playable): HTMLElement {
  let buttons = playButtons(p.item);
  const toggle = watchedToggle(`${p.path}/watched`, p.item.watched, (on) => {
    if (!on || p.item.position === 0) return;
    p.item.position = 0;
    p.item.resumeFileId = null;
    const fresh = playButtons(p.item);
    buttons[0].before(...fresh);
    for (const b of buttons) b.remove();
    buttons = fresh;
  });
  return actions(...buttons, toggle);
}

export function playableSections(p: Playable, ...extra: (HTMLElement | null)[]): (HTMLElement | null)[] {
  return [
    playActions(p),
    h('p.overview', {}, p.item.overview ?? 'No overview yet.'),
    castSection(p.credits),
    filesSection(p.stats, p.item.files, p.item.id),
    ...extra,
    identification(p.item.match, metadataEditor(p.item)),
  ];
}
