// Subtitles as <track> WebVTT elements on the <video> (for direct play and HLS alike): one per offered track,
// switched instantly by text-track mode; the cycle order of the C shortcut; the audio/subtitle/quality menus.
import { h } from '../dom.ts';
import type { MenuItem } from './menu.ts';
import type { Session, SubtitleTrack } from './session.ts';
import { QUALITIES, type Quality, trackLabel } from './words.ts';

/** Replaces the <track> elements with the session's subtitle tracks (their URLs carry the session's token). */
export function renderSubtitles(video: HTMLVideoElement, subs: SubtitleTrack[]): void {
  for (const old of video.querySelectorAll('track')) old.remove();
  subs.forEach((s, i) => {
    const el = h('track', {
      kind: 'subtitles',
      src: s.url,
      label: trackLabel(s, i),
      'data-id': s.id,
      ...(s.language ? { srclang: s.language.slice(0, 3) } : {}),
    });
    video.append(el);
    // A track element is only fetched once its mode leaves "disabled".
    el.track.mode = 'disabled';
  });
}

/** Shows the subtitle track with this id (null: none). */
export function showSubtitle(video: HTMLVideoElement, id: string | null): void {
  for (const el of video.querySelectorAll('track')) {
    el.track.mode = el.dataset.id === id ? 'showing' : 'disabled';
  }
}

/** The track after `current` in the list, then Off (null), then the first again. */
export function nextSubtitle(ids: string[], current: string | null): string | null {
  if (!ids.length) return null;
  if (current === null) return ids[0];
  const i = ids.indexOf(current);
  return i < 0 || i === ids.length - 1 ? null : ids[i + 1];
}

/** The menus for a session: audio only when there is a choice, subtitles with Off, every quality. */
export function menuItems(s: Session | null, subtitle: string | null, quality: Quality) {
  const audio = s?.tracks.audio ?? [];
  const subs = s?.tracks.subtitles ?? [];
  return {
    audio: (audio.length > 1 ? audio : []).map(
      (a, i): MenuItem => ({ id: a.id, label: trackLabel(a, i), checked: a.selected }),
    ),
    subtitles: subs.length
      ? [
          { id: 'off', label: 'Off', checked: subtitle === null },
          ...subs.map(
            (t, i): MenuItem => ({ id: t.id, label: trackLabel(t, i), checked: t.id === subtitle }),
          ),
        ]
      : [],
    quality: QUALITIES.map((q): MenuItem => ({ id: q.id, label: q.label, checked: q.id === quality.id })),
  };
}
