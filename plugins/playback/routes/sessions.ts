// /v1/playback/sessions: create (the decision), heartbeat, seek, end, and the active list (admins see all).
import { t } from '@bijou/sdk';
import {
  ActiveSession,
  CreateSessionBody,
  ErrorBody,
  HeartbeatBody,
  HeartbeatResult,
  SeekBody,
  SeekResult,
  SessionCreated,
  SessionParams,
  ValidationBody,
} from '../model.ts';
import type { Media } from '../services/media.ts';
import type { LiveSession } from '../services/session-factory.ts';
import type { Sessions } from '../services/sessions.ts';
import type { StreamTokens } from '../services/tokens.ts';
import type { Ctx } from '../services/types.ts';

function created(s: LiveSession, token: { token: string; expiresAt: string }) {
  const base = `/api/stream/${s.id}`;
  const st = `?st=${encodeURIComponent(token.token)}`;
  return {
    sessionId: s.id,
    mode: s.decision.mode,
    reasons: s.decision.reasons,
    itemId: s.itemId,
    fileId: s.file.id,
    extra: s.extra,
    version: s.version ? { id: s.version.id, profileName: s.version.profileName } : null,
    durationSeconds: s.source.durationSeconds,
    startPosition: s.startPosition,
    streamToken: token.token,
    expiresAt: token.expiresAt,
    urls: { master: s.plan ? `${base}/master.m3u8${st}` : null, file: s.plan ? null : `${base}/file${st}` },
    variants: (s.plan?.variants ?? []).map((v) => ({
      name: v.name,
      width: v.width,
      height: v.height,
      bitrate: v.averageBandwidth,
    })),
    tracks: {
      audio: s.audioTracks.map((a) => ({
        id: a.id,
        language: a.language,
        title: a.title,
        codec: a.codec,
        channels: a.channels,
        isDefault: a.isDefault,
        selected: a.id === s.audio?.id,
      })),
      subtitles: s.subtitles.map((x) => ({
        id: x.id,
        language: x.language,
        title: x.title,
        codec: x.codec,
        forced: x.forced,
        sdh: x.sdh,
        external: x.externalPath !== null,
        selected: x.id === s.subtitle?.id,
        url: `${base}/subtitles/${x.id}.vtt${st}`,
      })),
    },
  };
}

export function sessionRoutes(ctx: Ctx, sessions: Sessions, tokens: StreamTokens, media: Media) {
  const ttl = () => ctx.config.streamTokenHours * 3600;
  ctx.http
    .post(
      '/v1/playback/sessions',
      async ({ user, request, body, set }) => {
        const s = await sessions.create(user, request, body);
        set.status = 201;
        return created(s, tokens.sign(s.id, s.userId, ttl()));
      },
      {
        auth: 'user',
        body: CreateSessionBody,
        response: { 201: SessionCreated, 404: ErrorBody, 422: ValidationBody, 503: ErrorBody },
        detail: {
          summary: 'Start playing an item',
          description:
            'Decides direct play, remux (stream copy into HLS) or transcode from the client capabilities, picks ' +
            'audio and subtitle tracks (explicit choice, then the user language rules), and returns stream URLs ' +
            'carrying a short-lived stream token. 503 with Retry-After when every transcode slot is busy. ' +
            '`fileId` may name one of the item’s extras (trailer, featurette …): it plays like any file, from the ' +
            'start, and records no progress.',
        },
      },
    )
    .post(
      '/v1/playback/sessions/:id/heartbeat',
      ({ user, params, body }) => {
        const s = sessions.get(params.id, user);
        sessions.heartbeat(s, body.position, body.paused ?? false);
        return { state: 'active' as const, positionSeconds: s.position };
      },
      {
        auth: 'user',
        params: SessionParams,
        body: HeartbeatBody,
        response: { 200: HeartbeatResult, 404: ErrorBody, 410: ErrorBody },
        detail: {
          summary: 'Keep a session alive and record the position (410 once it was ended or timed out)',
        },
      },
    )
    .post(
      '/v1/playback/sessions/:id/seek',
      ({ user, params, body }) => {
        const s = sessions.get(params.id, user);
        const segment = sessions.seek(s, body.position);
        return { positionSeconds: s.position, segment };
      },
      {
        auth: 'user',
        params: SessionParams,
        body: SeekBody,
        response: { 200: SeekResult, 404: ErrorBody, 410: ErrorBody },
        detail: {
          summary: 'Seek: moves the position and restarts the encode at the new segment when needed',
        },
      },
    )
    .delete(
      '/v1/playback/sessions/:id',
      async ({ user, params, set }) => {
        const s = sessions.get(params.id, user);
        const byAdmin = s.userId !== user.id;
        await sessions.end(s.id, byAdmin ? 'terminated' : 'stopped');
        if (byAdmin) ctx.audit('playback.session.terminate', { actor: user, target: s.id });
        set.status = 204;
        return '';
      },
      {
        auth: 'user',
        params: SessionParams,
        response: { 204: t.Any(), 404: ErrorBody, 410: ErrorBody },
        detail: { summary: 'End a session and free its ffmpeg (admins may end anyone’s)' },
      },
    )
    .get(
      '/v1/playback/sessions/active',
      ({ user }) => ({
        items: sessions.list(user).map((s) => ({
          sessionId: s.id,
          userId: s.userId,
          profileId: s.viewer.profileId,
          itemId: s.itemId,
          title: media.item(s.itemId)?.title ?? '',
          mode: s.decision.mode,
          quality: s.plan ? s.quality : null,
          positionSeconds: s.position,
          durationSeconds: s.source.durationSeconds,
          paused: s.paused,
          client: s.client,
          startedAt: s.startedAt,
          lastSeenAt: new Date(s.lastSeen).toISOString(),
        })),
        nextCursor: null,
      }),
      {
        auth: 'user',
        response: t.Object({ items: t.Array(ActiveSession), nextCursor: t.Null() }),
        detail: { summary: 'Sessions playing now: all for admins, your own otherwise' },
      },
    );
}
