// The player: opens a playback session, plays the file directly or HLS through hls.js, resumes, and reports
// progress every 10 s, on pause and on leaving; errors are shown in words.
import { api, get, type Movie, post } from '../api.ts';
import { errorBox, h, message } from '../dom.ts';
import type { RouteContext } from '../router.ts';

interface Session {
  sessionId: string;
  mode: string;
  startPosition: number;
  urls: { master: string | null; file: string | null };
}

/** What this browser can decode, for the server's direct play / remux / transcode decision. */
function capabilities(video: HTMLVideoElement) {
  const can = (type: string) => video.canPlayType(type) !== '';
  const containers = ['mp4', 'mov', 'm4v'].filter(() => can('video/mp4'));
  if (can('video/webm')) containers.push('webm');
  const videoCodecs = ['h264'];
  if (can('video/mp4; codecs="hvc1.1.6.L93.B0"')) videoCodecs.push('hevc');
  if (can('video/webm; codecs="vp9"')) videoCodecs.push('vp9');
  if (can('video/mp4; codecs="av01.0.05M.08"')) videoCodecs.push('av1');
  const audioCodecs = ['aac', 'mp3'];
  if (can('audio/webm; codecs="opus"')) audioCodecs.push('opus');
  if (can('audio/flac')) audioCodecs.push('flac');
  return {
    containers,
    videoCodecs,
    audioCodecs,
    maxWidth: screen.width * devicePixelRatio,
    maxHeight: screen.height * devicePixelRatio,
  };
}

const MEDIA_ERRORS: Record<number, string> = {
  1: 'Playback was stopped.',
  2: 'A network error interrupted the video.',
  3: 'The video could not be decoded by this browser.',
  4: 'This browser cannot play this video format.',
};

export async function playerPage(ctx: RouteContext): Promise<HTMLElement> {
  const movie = await get<Movie>(`/v1/movies/${encodeURIComponent(ctx.params.id)}`).catch(() => null);
  const video = h('video', { controls: true, autoplay: true, playsinline: true, preload: 'auto' });
  video.setAttribute('aria-label', movie ? `Video: ${movie.title}` : 'Video');
  const status = h('div.status', { 'aria-live': 'polite' });
  const page = h(
    'section.page.player',
    {},
    h(
      'div.player-head',
      {},
      h('a.ghost', { href: movie ? `/movie/${movie.id}` : '/' }, '← Back'),
      h('h1', {}, movie?.title ?? 'Playing'),
    ),
    h('div.video-wrap', {}, video),
    status,
  );
  const from = ctx.query.get('from');
  let session: Session;
  try {
    session = await post<Session>('/v1/playback/sessions', {
      itemId: ctx.params.id,
      capabilities: capabilities(video),
      ...(from !== null ? { startPosition: Number(from) || 0 } : {}),
      client: 'Bijou web',
    });
  } catch (e) {
    status.replaceChildren(errorBox(`Could not start playback: ${message(e)}`));
    return page;
  }
  page.dataset.mode = session.mode;
  let ended = false;
  let hls: { destroy(): void } | null = null;
  const beat = async () => {
    if (ended || !Number.isFinite(video.currentTime)) return;
    await post(`/v1/playback/sessions/${session.sessionId}/heartbeat`, {
      position: video.currentTime,
      paused: video.paused,
    }).catch((e) => status.replaceChildren(errorBox(`Progress was not saved: ${message(e)}`)));
  };
  const timer = setInterval(beat, 10_000);
  video.addEventListener('pause', () => void beat());
  video.addEventListener('error', () => {
    const code = video.error?.code ?? 0;
    status.replaceChildren(errorBox(MEDIA_ERRORS[code] ?? 'The video could not be played.'));
  });
  ctx.onLeave(async () => {
    clearInterval(timer);
    await beat();
    ended = true;
    hls?.destroy();
    video.pause();
    video.removeAttribute('src');
    video.load();
    await api('DELETE', `/v1/playback/sessions/${session.sessionId}`).catch(() => {});
  });

  const start = session.startPosition;
  if (session.urls.file) {
    video.src = `${session.urls.file}#t=${start}`;
    video.addEventListener(
      'loadedmetadata',
      () => {
        if (start > 0 && video.currentTime < start - 1) video.currentTime = start;
      },
      { once: true },
    );
  } else if (session.urls.master) {
    const master = session.urls.master;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = master;
    } else {
      const { default: Hls } = await import('hls.js');
      if (!Hls.isSupported()) {
        status.replaceChildren(
          errorBox('This browser cannot play HLS streams (Media Source Extensions are missing).'),
        );
        return page;
      }
      const player = new Hls({ startPosition: start });
      hls = player;
      player.on(Hls.Events.ERROR, (_e, data) => {
        if (data.fatal) status.replaceChildren(errorBox(`Streaming failed: ${data.details}`));
      });
      player.loadSource(master);
      player.attachMedia(video);
    }
  }
  status.textContent = `${session.mode === 'direct' ? 'Direct play' : session.mode === 'remux' ? 'Direct stream' : 'Transcoding'}${start > 0 ? ` · resuming at ${Math.round(start)} s` : ''}`;
  video.play().catch(() => {
    // Autoplay may be blocked until the user interacts; the controls are there.
  });
  return page;
}
