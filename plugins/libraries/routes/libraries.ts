// /v1/libraries: CRUD (admin), list (users, cursor pages), scan → 202 { jobId } (409 while scanning), stats.
import { HttpError, PageOf, PageQuery, t, unknownInputNotes } from '@bijou/sdk';
import { libraryInputProblems } from '../lib/library-input.ts';
import { libraryPage } from '../lib/library-page.ts';
import { Library, LibraryCreate, LibraryPatch, LibraryStats } from '../model.ts';
import type { LibrariesService, LibraryRow } from '../services/libraries-service.ts';
import { libraryStats } from '../services/stats.ts';
import type { Ctx } from '../services/types.ts';

const IdParams = t.Object({ id: t.String({ maxLength: 64 }) });
const ScanBody = t.Object({
  force: t.Optional(t.Boolean({ description: 'Re-read every file and NFO, not only changed ones' })),
});

/** 422 for what the body schema cannot say about a name and paths (blank, control characters, relative). */
function checkInput(body: { name?: string; paths?: string[] }): void {
  const problems = libraryInputProblems(body);
  if (problems.length) throw new HttpError(422, 'Validation error', {}, problems);
}

export function libraryRoutes(ctx: Ctx, svc: LibrariesService) {
  const view = (l: LibraryRow) => ({
    id: l.id,
    name: l.name,
    kind: l.kind,
    paths: l.paths,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    lastScanAt: l.lastScanAt,
    scan: svc.scanStatus(l.id),
  });
  ctx.http
    .get('/v1/libraries', ({ query }) => libraryPage(svc.list(), query.cursor, query.limit ?? 20, view), {
      auth: 'user',
      query: PageQuery,
      response: PageOf(Library),
      detail: { summary: 'List libraries by name' },
    })
    .post(
      '/v1/libraries',
      ({ body, user, set }) => {
        checkInput(body);
        const lib = svc.create(body);
        ctx.audit('libraries.library.created', {
          actor: user,
          target: lib.id,
          details: { name: lib.name, kind: lib.kind },
        });
        set.status = 201;
        return view(lib);
      },
      {
        auth: 'admin',
        body: LibraryCreate,
        response: { 201: Library },
        detail: { summary: 'Create a library (paths must exist and not overlap)' },
      },
    )
    .get('/v1/libraries/:id', ({ params }) => view(svc.get(params.id)), {
      auth: 'user',
      params: IdParams,
      response: Library,
      detail: { summary: 'A library with its scan state' },
    })
    .patch(
      '/v1/libraries/:id',
      ({ params, body, user }) => {
        checkInput(body);
        const lib = svc.update(params.id, body);
        ctx.audit('libraries.library.updated', {
          actor: user,
          target: lib.id,
          details: { fields: Object.keys(body) },
        });
        return view(lib);
      },
      {
        auth: 'admin',
        params: IdParams,
        body: LibraryPatch,
        response: Library,
        detail: {
          summary: 'Rename a library or change its folders (409 while it scans)',
          ...unknownInputNotes({
            kind: 'The kind of a library cannot be changed; create a new library instead',
          }),
        },
      },
    )
    .delete(
      '/v1/libraries/:id',
      ({ params, user }) => {
        svc.delete(params.id);
        ctx.audit('libraries.library.deleted', { actor: user, target: params.id });
        return { ok: true };
      },
      {
        auth: 'admin',
        params: IdParams,
        response: t.Object({ ok: t.Boolean() }),
        detail: { summary: 'Delete a library (catalog rows only; files on disk are untouched)' },
      },
    )
    .post(
      '/v1/libraries/:id/scan',
      ({ params, body, set }) => {
        set.status = 202;
        return { jobId: svc.startScan(params.id, { force: body?.force }) };
      },
      {
        auth: 'admin',
        params: IdParams,
        body: t.Optional(ScanBody),
        response: { 202: t.Object({ jobId: t.String() }) },
        detail: { summary: 'Start a scan (409 while this library is scanning)' },
      },
    )
    .get('/v1/libraries/:id/stats', ({ params }) => libraryStats(ctx.sqlite, svc.get(params.id).id), {
      auth: 'user',
      params: IdParams,
      response: LibraryStats,
      detail: { summary: 'Counts, total size, by codec, resolution, HDR type and container' },
    });
}
