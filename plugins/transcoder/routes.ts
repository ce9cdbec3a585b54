// HTTP layer of the transcoder: the boot probe's results (admin) and /v1/optimization profiles, queueing and
// versions (admin).
import { decodeCursor, PageOf, PageQuery, t, toPage } from '@bijou/sdk';
import type { TranscoderApi } from './api.ts';
import {
  Capabilities,
  ErrorBody,
  Id,
  OptimizeBody,
  Profile,
  ProfileBody,
  ProfilePatch,
  Version,
} from './model.ts';
import type { HlsEncoder } from './services/hls.ts';
import type { Optimizer } from './services/optimizer.ts';
import type { Ctx } from './services/types.ts';

function versionView(v: ReturnType<Optimizer['version']>) {
  return {
    id: v.id,
    profileId: v.profileId,
    sourceKey: v.sourceKey,
    state: v.state,
    progress: v.progress,
    outputSize: v.outputSize,
    width: v.width,
    height: v.height,
    error: v.error,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export function transcoderRoutes(ctx: Ctx, api: TranscoderApi, hls: HlsEncoder, opt: Optimizer) {
  ctx.http.get(
    '/v1/transcoder/capabilities',
    () => ({ ...api.capabilities(), capacity: hls.capacity(), running: hls.running() }),
    {
      auth: 'admin',
      response: Capabilities,
      detail: {
        summary: 'Hardware probe results',
        description:
          'What ffmpeg lists, which devices exist, each candidate encoder with its test-encode error, the ' +
          'encoder chosen per codec, and transcode slots in use.',
      },
    },
  );

  ctx.http
    .get('/v1/optimization/profiles', () => ({ items: opt.profiles.list() }), {
      auth: 'admin',
      response: t.Object({ items: t.Array(Profile) }),
      detail: { summary: 'Optimization profiles' },
    })
    .post(
      '/v1/optimization/profiles',
      ({ body, set, user }) => {
        const p = opt.profiles.create(body as Required<typeof body>);
        ctx.audit('transcoder.profile.create', { actor: user, target: p.id, details: { name: p.name } });
        set.status = 201;
        return p;
      },
      {
        auth: 'admin',
        body: ProfileBody,
        response: { 201: Profile },
        detail: { summary: 'Create an optimization profile' },
      },
    )
    .patch('/v1/optimization/profiles/:id', ({ params, body }) => opt.profiles.update(params.id, body), {
      auth: 'admin',
      params: Id,
      body: ProfilePatch,
      response: { 200: Profile, 404: ErrorBody },
      detail: { summary: 'Change an optimization profile (existing versions are kept)' },
    })
    .delete(
      '/v1/optimization/profiles/:id',
      ({ params, set, user }) => {
        opt.deleteProfile(params.id);
        ctx.audit('transcoder.profile.delete', { actor: user, target: params.id });
        set.status = 204;
        return '';
      },
      {
        auth: 'admin',
        params: Id,
        response: { 204: t.Any(), 404: ErrorBody },
        detail: { summary: 'Delete a profile with its versions and files' },
      },
    )
    .post(
      '/v1/optimization/queue',
      ({ body, set }) => {
        const target = body.itemId ? { itemId: body.itemId } : { libraryId: body.libraryId };
        const r = opt.enqueue(body.profileId, target);
        set.status = 202;
        return r;
      },
      {
        auth: 'admin',
        body: OptimizeBody,
        beforeHandle: ({ body, set }) => {
          if (!!body.itemId === !!body.libraryId) {
            set.status = 422;
            return {
              error: 'Validation error',
              details: [{ path: 'body', message: 'Give exactly one of libraryId and itemId' }],
            };
          }
        },
        response: {
          202: t.Object({ queued: t.Integer(), current: t.Integer() }),
          404: ErrorBody,
          422: t.Object({
            error: t.String(),
            details: t.Array(t.Object({ path: t.String(), message: t.String() })),
          }),
          503: ErrorBody,
        },
        detail: { summary: 'Pre-transcode a library or an item with a profile (through the work queue)' },
      },
    )
    .get(
      '/v1/optimization/versions',
      ({ query }) => {
        const limit = query.limit ?? 20;
        const after = decodeCursor(query.cursor, 2) as [string, string] | null;
        const rows = opt.listVersions(query.profileId, after, limit);
        return toPage(rows, limit, (r) => [r.createdAt, r.id], versionView);
      },
      {
        auth: 'admin',
        query: t.Composite([PageQuery, t.Object({ profileId: t.Optional(t.String({ maxLength: 64 })) })]),
        response: PageOf(Version),
        detail: { summary: 'Optimized versions with their state and progress' },
      },
    )
    .delete(
      '/v1/optimization/versions/:id',
      ({ params, set }) => {
        opt.deleteVersion(params.id);
        set.status = 204;
        return '';
      },
      {
        auth: 'admin',
        params: Id,
        response: { 204: t.Any(), 404: ErrorBody },
        detail: { summary: 'Delete an optimized version and its file (cancels it if queued)' },
      },
    );
}
