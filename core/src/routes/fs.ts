// /v1/fs/browse: the admin folder picker (sub-folders of a server folder; no files, no contents).
import { Elysia, t } from 'elysia';
import { browseFolder } from '../fs/browse.ts';
import { HttpError } from '../http/errors.ts';
import type { CoreServices } from '../services.ts';

const Folder = t.Object({ name: t.String(), path: t.String() });

export function fsRoutes(core: CoreServices) {
  return new Elysia({ name: 'core-fs', prefix: '/v1/fs', tags: ['admin'] }).use(core.authPlugin).get(
    '/browse',
    ({ query }) => {
      const r = browseFolder(query.path || '/');
      if (!r.ok) throw new HttpError(r.status, r.error);
      return r.listing;
    },
    {
      auth: 'admin',
      query: t.Object({
        path: t.Optional(t.String({ maxLength: 4096, description: 'An absolute folder path; default /' })),
      }),
      response: t.Object({
        path: t.String(),
        parent: t.Union([t.String(), t.Null()]),
        folders: t.Array(Folder),
        truncated: t.Boolean({ description: 'More than 1000 folders; only the first are listed' }),
      }),
      detail: { summary: 'Sub-folders of a folder on the server (for choosing library paths)' },
    },
  );
}
