// File details of a movie or episode: file name and folder, size, container, video codec, resolution, HDR, bitrate, duration,
// and its audio and subtitle tracks (from …/file-stats), or the bare file list when stats are unavailable.
import type { FileInfo, FileStats, Track } from '../api.ts';
import { bytes, clock, h } from '../dom.ts';
import { channelsName, languageName } from '../player/words.ts';

/** `1080p`, `2160p (4K)`, `720p`, `SD` from a frame size. */
export function resolutionLabel(width: number | null, height: number | null): string | null {
  if (!width || !height) return null;
  if (height >= 2000 || width >= 3200) return '2160p (4K)';
  if (height >= 1000 || width >= 1800) return '1080p';
  if (height >= 700 || width >= 1200) return '720p';
  return 'SD';
}

function videoFacts(f: FileStats): string[] {
  const res = resolutionLabel(f.width, f.height);
  return [
    f.container ? `Container ${f.container}` : null,
    f.videoCodec ? `Video ${f.videoCodec}${f.videoProfile ? ` (${f.videoProfile})` : ''}` : null,
    f.width && f.height ? `${f.width}×${f.height}${res ? ` · ${res}` : ''}` : null,
    f.videoCodec ? (f.hdr ?? 'SDR') : null,
    f.frameRate ? `${Math.round(f.frameRate * 100) / 100} fps` : null,
    f.bitrate ? `${(f.bitrate / 1e6).toFixed(1)} Mb/s` : null,
    f.durationSeconds ? clock(f.durationSeconds) : null,
  ].filter((x): x is string => !!x);
}

function trackText(t: Track): string {
  const flags = [t.default && 'default', t.forced && 'forced', t.sdh && 'SDH', t.external && 'external file'];
  const channels = t.channels ? ` · ${channelsName(t.channels)}` : '';
  return [
    `${languageName(t.language) ?? 'Unknown language'}${t.title ? ` — ${t.title}` : ''}`,
    `${t.codec ?? '?'}${channels}`,
    ...flags.filter(Boolean),
  ].join(' · ');
}

function trackList(label: string, tracks: Track[]): HTMLElement | null {
  if (!tracks.length) return null;
  return h(
    'div.tracks',
    {},
    h('h3', {}, label),
    h('ul', {}, ...tracks.map((t) => h('li', {}, trackText(t)))),
  );
}

/** The file name first (what a household recognises), the folder it is in below it. */
function fileName(path: string): HTMLElement[] {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return [h('code', { title: path }, path.slice(cut + 1)), h('p.muted.folder', {}, path.slice(0, cut + 1))];
}

function fileBlock(f: FileStats): HTMLElement {
  const facts = videoFacts(f);
  return h(
    'li.file',
    {},
    ...fileName(f.path),
    h('p.muted', {}, [bytes(f.size), f.missing ? 'missing from disk' : null].filter(Boolean).join(' · ')),
    facts.length
      ? h('ul.facts-list', {}, ...facts.map((x) => h('li', {}, x)))
      : h('p.muted', {}, f.probeError ? `Not analysed: ${f.probeError}` : 'Not analysed yet.'),
    trackList(
      'Audio',
      f.tracks.filter((t) => t.kind === 'audio'),
    ),
    trackList(
      'Subtitles',
      f.tracks.filter((t) => t.kind === 'subtitle'),
    ),
  );
}

/** The Files section; `stats` null when the stats request failed (the plain file list is shown instead). */
export function filesSection(stats: FileStats[] | null, files: FileInfo[]): HTMLElement {
  const list = stats
    ? stats.map(fileBlock)
    : files.map((f) =>
        h('li.file', {}, ...fileName(f.path), h('p.muted', {}, `${f.container ?? '?'} · ${bytes(f.size)}`)),
      );
  return h(
    'section',
    { 'aria-label': 'Files' },
    h('h2', {}, 'Files'),
    list.length ? h('ul.files', {}, ...list) : h('p.muted', {}, 'No files.'),
  );
}
