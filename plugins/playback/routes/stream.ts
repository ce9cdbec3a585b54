// /api/stream/:sessionId/…: master and media playlists, segments, the direct file and subtitles. Players cannot
// send headers, so these routes are public and check the signed stream token (`st`) themselves.
import { t } from '@bijou/sdk';
import { ErrorBody, StreamQuery } from '../model.ts';
import type { Streams } from '../services/stream.ts';
import type { Ctx } from '../services/types.ts';

const Session = t.Object({ sessionId: t.String({ maxLength: 64 }) });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const text = (description: string) => t.String({ description });
const bytes = (description: string) => t.Any({ description });

export function streamRoutes(ctx: Ctx, streams: Streams) {
  ctx.http
    .get(
      '/api/stream/:sessionId/master.m3u8',
      ({ params, query }) => streams.master(streams.authorize(params.sessionId, query.st), query.st!),
      {
        auth: 'public',
        params: Session,
        query: StreamQuery,
        response: { 200: text('HLS master playlist'), ...errors },
        detail: { summary: 'HLS master playlist (variants and subtitle group)' },
      },
    )
    .get(
      '/api/stream/:sessionId/:quality/playlist.m3u8',
      ({ params, query }) =>
        streams.media(streams.authorize(params.sessionId, query.st), params.quality, query.st!),
      {
        auth: 'public',
        params: t.Object({ sessionId: t.String({ maxLength: 64 }), quality: t.String({ maxLength: 32 }) }),
        query: StreamQuery,
        response: { 200: text('HLS media playlist (VOD, complete)'), ...errors },
        detail: { summary: 'HLS media playlist of one quality, every segment up front' },
      },
    )
    .get(
      '/api/stream/:sessionId/:quality/:segment',
      ({ params, query }) =>
        streams.segment(streams.authorize(params.sessionId, query.st), params.quality, params.segment),
      {
        auth: 'public',
        params: t.Object({
          sessionId: t.String({ maxLength: 64 }),
          quality: t.String({ maxLength: 32 }),
          segment: t.String({ maxLength: 32 }),
        }),
        query: StreamQuery,
        response: { 200: bytes('MPEG-TS segment'), ...errors, 503: ErrorBody },
        detail: { summary: 'An HLS segment, encoded on demand (503 with Retry-After when no slot is free)' },
      },
    )
    .get(
      '/api/stream/:sessionId/file',
      ({ params, query, request }) => streams.file(streams.authorize(params.sessionId, query.st), request),
      {
        auth: 'public',
        params: Session,
        query: StreamQuery,
        response: {
          200: bytes('The whole file'),
          206: bytes('The requested byte range'),
          416: bytes('Range not satisfiable'),
          ...errors,
        },
        detail: { summary: 'The file for direct play, with HTTP Range' },
      },
    )
    .get(
      '/api/stream/:sessionId/subtitles/:file',
      ({ params, query }) =>
        streams.subtitle(
          streams.authorize(params.sessionId, query.st),
          params.file,
          query.st!,
          query.hls === '1',
        ),
      {
        auth: 'public',
        params: t.Object({ sessionId: t.String({ maxLength: 64 }), file: t.String({ maxLength: 80 }) }),
        query: StreamQuery,
        response: { 200: text('WebVTT, or an HLS subtitle playlist for .m3u8'), ...errors, 422: ErrorBody },
        detail: { summary: 'A subtitle track as WebVTT (sidecar or embedded text track)' },
      },
    );
}
