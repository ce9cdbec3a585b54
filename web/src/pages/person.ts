// A person: everything they are credited in that this profile may see — movies, shows, and episodes with their
// show — newest first, each linking to its page, with the character they play or their job.
import { get } from '../api.ts';
import { episodeCode, itemHref } from '../components/links.ts';
import { counted, h } from '../dom.ts';
import type { RouteContext } from '../router.ts';

export interface PersonRole {
  itemId: string;
  kind: string;
  title: string;
  year: number | null;
  role: string;
  character: string | null;
  showId: string | null;
  showTitle: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
}

interface Person {
  id: string;
  name: string;
  roles: PersonRole[];
}

/** "Heat (1995)", or "Show · S01E02 · Title" for an episode. */
export function roleTitle(r: PersonRole): string {
  if (r.kind === 'episode')
    return [r.showTitle, episodeCode(r.seasonNumber, r.episodeNumber), r.title].filter(Boolean).join(' · ');
  return r.year ? `${r.title} (${r.year})` : r.title;
}

/** "as Neil McCauley", "director", "actor". */
const what = (r: PersonRole) => (r.role === 'actor' && r.character ? `as ${r.character}` : r.role);

export async function personPage(ctx: RouteContext): Promise<HTMLElement> {
  const p = await get<Person>(`/v1/people/${encodeURIComponent(ctx.params.id)}`);
  const titles = new Set(p.roles.map((r) => r.showId ?? r.itemId)).size;
  return h(
    'section.page',
    {},
    h('h1', {}, p.name),
    h('p.facts', {}, `In ${counted(titles, 'title')} of this server`),
    h(
      'ul.credits',
      { 'aria-label': 'Credits' },
      ...p.roles.map((r) =>
        h(
          'li',
          {},
          h('a', { href: itemHref(r.kind, r.itemId) ?? '/' }, roleTitle(r)),
          h('span.muted', {}, ` ${what(r)}`),
        ),
      ),
    ),
  );
}
