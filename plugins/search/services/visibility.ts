// What a viewer may find, as one SQL condition over a search_docs row `d`: catalog documents through the libraries
// visibility filters (episodes through their show, people through a visible title), other sources through their
// hooks. The condition goes inside the search SQL, so pages are full and nothing hidden is ever counted.
import { sql } from 'drizzle-orm';
import type { LibrariesApi, Viewer } from '../../libraries/api.ts';
import { LIBRARY_SOURCE, type Sources } from './sources.ts';
import { joinParts, render, type SqlPart } from './sql.ts';

const REF = sql.raw('d.ref_id');

/** Catalog titles: the item is present and its own row (a movie or show) or its show's row passes the filters. */
const titlesVisible = (vis: string) =>
  `(+d.source = '${LIBRARY_SOURCE}' AND +d.type <> 'person' AND EXISTS (SELECT 1 FROM libraries_items own
    JOIN libraries_items ON libraries_items.id = COALESCE(own.show_id, own.id)
    WHERE own.id = d.ref_id AND own.missing = 0 AND ${vis}))`;

/** People: credited in a present movie or show that passes the filters (as the people pages decide). */
const peopleVisible = (vis: string) =>
  `(+d.source = '${LIBRARY_SOURCE}' AND +d.type = 'person' AND EXISTS (SELECT 1 FROM libraries_credits c
    JOIN libraries_items ON libraries_items.id = c.item_id
    WHERE c.person_id = d.ref_id AND libraries_items.missing = 0 AND libraries_items.kind IN ('movie', 'show')
    AND ${vis}))`;

export class Visibility {
  constructor(
    private readonly libraries: () => LibrariesApi,
    private readonly sources: Sources,
  ) {}

  /** The libraries filters for a viewer, rendered (`1` when nothing restricts). */
  libraryCondition(viewer: Viewer): SqlPart {
    return render(this.libraries().visibility(viewer));
  }

  /** The full condition over `d` for a viewer. */
  condition(viewer: Viewer): SqlPart {
    const lib = this.libraryCondition(viewer);
    const parts: SqlPart[] = [
      { text: titlesVisible(lib.text), params: lib.params },
      { text: peopleVisible(lib.text), params: lib.params },
    ];
    for (const [id, source] of this.sources.entries()) {
      const hook = render(source.visibility?.(viewer, REF));
      parts.push({ text: `(+d.source = ? AND ${hook.text})`, params: [id, ...hook.params] });
    }
    const all = joinParts(parts, ' OR ');
    return { text: `(${all.text})`, params: all.params };
  }

  /** Whether the source's hook restricts this viewer (Meilisearch then checks each hit in SQL). */
  sourceRestricts(id: string, viewer: Viewer): boolean {
    return !!this.sources.get(id)?.visibility?.(viewer, REF);
  }
}
