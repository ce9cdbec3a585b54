// File details of a movie or episode: the version or part it is with a Play link when there are several files, file
// name and folder, size, container, video codec (in words: H.264, MKV), resolution, HDR, bitrate, duration, its
// audio and subtitle tracks (from …/file-stats), a note while it is not analysed yet, or the bare file list when
// stats are unavailable.
import type { FileInfo, FileStats, Track } from '../api.ts';
import { bytes, clock, h } from '../dom.ts';
import { mediaName } from '../media-words.ts';
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
    f.container ? `Container ${mediaName('container', f.container)}` : null,
    f.videoCodec
      ? `Video ${mediaName('video', f.videoCodec)}${f.videoProfile ? ` (${f.videoProfile})` : ''}`
      : null,
    f.width && f.height ? `${f.width}×${f.height}${res ? ` · ${res}` : ''}` : null,
    f.videoCodec ? (f.hdr ?? 'SDR') : null,
    f.frameRate ? `${Math.round(f.frameRate * 100) / 100} fps` : null,
    f.bitrate ? `${(f.bitrate / 1e6).toFixed(1)} Mb/s` : null,
    f.durationSeconds ? clock(f.durationSeconds) : null,
  ].filter((x): x is string => !!x);
}

/**
 * A note on a file ffprobe has not read yet (probing runs after the scan: until then only the container, from the
 * file name, is known) or could not read; null once its facts are known.
 */
export function analysisNote(f: Pick<FileStats, 'probed' | 'probeError'>): string | null {
  if (!f.probed)
    return 'Not analysed yet: codecs, resolution and duration appear once the server has read the file.';
  if (f.probeError) return `Could not be analysed: ${f.probeError}`;
  return null;
}

function trackText(t: Track): string {
  const flags = [t.default && 'default', t.forced && 'forced', t.sdh && 'SDH', t.external && 'external file'];
  const channels = t.channels ? ` · ${channelsName(t.channels)}` : '';
  return [
    `${languageName(t.language) ?? 'Unknown language'}${t.title ? ` — ${t.title}` : ''}`,
    `${t.codec ? mediaName(t.kind === 'subtitle' ? 'subtitle' : 'audio', t.codec) : '?'}${channels}`,
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

/** "Final Cut", "Part 2", or null for the only file of a title. */
export function fileLabel(f: Pick<FileInfo, 'versionLabel' | 'part'>): string | null {
  return f.versionLabel || (f.part ? `Part ${f.part}` : null);
}

/** With several files: the version or part in words and a link that plays this file. */
function whichFile(f: FileInfo, itemId: string, index: number): HTMLElement {
  const label = fileLabel(f) ?? `Version ${index + 1}`;
  const href = `/play/${encodeURIComponent(itemId)}?file=${encodeURIComponent(f.id)}&from=0`;
  return h(
    'div.which-file',
    {},
    h('h3', {}, label),
    f.missing ? null : h('a.button.ghost', { href, 'aria-label': `Play ${label}` }, '▶ Play'),
  );
}

function fileBlock(f: FileStats, head: HTMLElement | null): HTMLElement {
  const facts = videoFacts(f);
  const note = analysisNote(f);
  return h(
    'li.file',
    {},
    head,
    ...fileName(f.path),
    h('p.muted', {}, [bytes(f.size), f.missing ? 'missing from disk' : null].filter(Boolean).join(' · ')),
    facts.length ? h('ul.facts-list', {}, ...facts.map((x) => h('li', {}, x))) : null,
    note ? h('p.muted.analysis', { role: 'note' }, note) : null,
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

/**
 * The Files section of item `itemId`; `stats` null when the stats request failed (the plain file list is shown
 * instead). Several files (versions, parts) each say which they are and can be played on their own.
 */
export function filesSection(stats: FileStats[] | null, files: FileInfo[], itemId: string): HTMLElement {
  const head = (f: FileInfo, i: number) => (files.length > 1 ? whichFile(f, itemId, i) : null);
  const list = stats
    ? stats.map((f, i) => fileBlock(f, head(f, i)))
    : files.map((f, i) =>
        h(
          'li.file',
          {},
          head(f, i),
          ...fileName(f.path),
          h('p.muted', {}, `${f.container ? mediaName('container', f.container) : '?'} · ${bytes(f.size)}`),
        ),
      );
  return h(
    'section',
    { 'aria-label': 'Files' },
    h('h2', {}, 'Files'),
    list.length ? h('ul.files', {}, ...list) : h('p.muted', {}, 'No files.'),
  );
}
