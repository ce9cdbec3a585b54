// /v1/people/:id: a person with the roles they have in titles the viewer may see (404 when none are visible).
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
});

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
      const roles = ctx.sqlite
        .query<
          {
            itemId: string;
            kind: string;
            title: string;
            year: number | null;
            role: string;
            character: string | null;
            order: number;
          },
          any[]
        >(
          `SELECT libraries_items.id AS itemId, libraries_items.kind, libraries_items.title, libraries_items.year, c.role, c.character, c.ord AS "order"
           FROM libraries_credits c JOIN libraries_items ON libraries_items.id = c.item_id
           WHERE c.person_id = ? AND libraries_items.missing = 0 AND libraries_items.kind IN ('movie', 'show') AND ${vis.text}
           ORDER BY libraries_items.year DESC, libraries_items.sort_title`,
        )
        .all(person.id, ...vis.params);
      if (!roles.length) throw new HttpError(404, 'Not found');
      return { ...person, roles };
    },
    {
      auth: 'user',
      params: t.Object({ id: t.String({ maxLength: 64 }) }),
      response: t.Object({ id: t.String(), name: t.String(), thumb: NullableString, roles: t.Array(Role) }),
      detail: { summary: 'Person details and roles' },
    },
  );
}
