// /v1/people/:id: a person with the roles they have in titles the viewer may see — movies, shows and episodes (a
// guest star credited on one episode only), an episode with its show — and 404 when none are visible.
import { HttpError, t } from '@bijou/sdk';
import { NullableNumber, NullableString } from '../model.ts';
import type { Catalog } from '../services/catalog.ts';
import { renderCondition } from '../services/sql.ts';
import type { Ctx } from '../services/types.ts';

const Role = t.Object({
  itemId: t.String(),
  kind: t.String(),
  title: t.String(),
  year: NullableNumber,
  role: t.String(),
  character: NullableString,
  order: t.Number(),
  showId: t.Union([t.String(), t.Null()], {
    description: 'The show of an episode; null for movies and shows',
  }),
  showTitle: NullableString,
  seasonNumber: NullableNumber,
  episodeNumber: NullableNumber,
});

type RoleRow = typeof Role.static;

// Visibility is decided on the show of an episode (as everywhere), so the show (or the movie or show itself) is
// the row named libraries_items that the viewer filters read.
const ROLES = (vis: string) =>
  `SELECT i.id AS itemId, i.kind, i.title, COALESCE(i.year, libraries_items.year) AS year, c.role, c.character,
     c.ord AS "order", CASE WHEN i.kind = 'episode' THEN libraries_items.id END AS showId,
     CASE WHEN i.kind = 'episode' THEN libraries_items.title END AS showTitle,
     i.season_number AS seasonNumber, i.episode_number AS episodeNumber
   FROM libraries_credits c JOIN libraries_items i ON i.id = c.item_id
   JOIN libraries_items ON libraries_items.id = COALESCE(i.show_id, i.id)
   WHERE c.person_id = ? AND i.missing = 0 AND libraries_items.missing = 0
     AND i.kind IN ('movie', 'show', 'episode') AND ${vis}
   ORDER BY COALESCE(i.year, libraries_items.year) DESC, libraries_items.sort_key, i.season_number, i.episode_number`;

export function peopleRoutes(ctx: Ctx, catalog: Catalog) {
  ctx.http.get(
    '/v1/people/:id',
    ({ user, request, params }) => {
      const person = ctx.sqlite
        .query<{ id: string; name: string; thumb: string | null }, [string]>(
          'SELECT id, name, thumb FROM libraries_people WHERE id = ?',
        )
        .get(params.id);
      if (!person) throw new HttpError(404, 'Not found');
      const vis = renderCondition(catalog.viewers.visibility(catalog.viewers.viewerFor(user, request)));
      const roles = ctx.sqlite.query<RoleRow, any[]>(ROLES(vis.text)).all(person.id, ...vis.params);
      if (!roles.length) throw new HttpError(404, 'Not found');
      return { ...person, roles };
    },
    {
      auth: 'user',
      params: t.Object({ id: t.String({ maxLength: 64 }) }),
      response: t.Object({ id: t.String(), name: t.String(), thumb: NullableString, roles: t.Array(Role) }),
      detail: { summary: 'Person details and roles (movies, shows, and episodes with their show)' },
    },
  );
}
