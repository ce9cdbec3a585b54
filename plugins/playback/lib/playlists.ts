// Pure HLS playlist text (RFC 8216, CONVENTIONS 6.1/6.3): the master with variants and a subtitle group, the full
// VOD media playlist up front, and a one-segment WebVTT subtitle playlist.

export interface MasterVariant {
  uri: string;
  /** Peak bits per second. */
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
  width: number | null;
  height: number | null;
  frameRate: number | null;
}

export interface SubtitleRendition {
  name: string;
  language: string | null;
  isDefault: boolean;
  forced: boolean;
  uri: string;
}

/** Attribute text: no quotes, commas stay inside the quotes, no line breaks. */
const quoted = (s: string) => `"${s.replace(/["\r\n]/g, '').trim() || 'Unknown'}"`;

export function masterPlaylist(variants: MasterVariant[], subtitles: SubtitleRendition[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const s of subtitles) {
    const attrs = [
      'TYPE=SUBTITLES',
      'GROUP-ID="subs"',
      `NAME=${quoted(s.name)}`,
      ...(s.language ? [`LANGUAGE=${quoted(s.language)}`] : []),
      `DEFAULT=${s.isDefault ? 'YES' : 'NO'}`,
      `AUTOSELECT=${s.isDefault || s.forced ? 'YES' : 'NO'}`,
      `FORCED=${s.forced ? 'YES' : 'NO'}`,
      `URI=${quoted(s.uri)}`,
    ];
    lines.push(`#EXT-X-MEDIA:${attrs.join(',')}`);
  }
  for (const v of variants) {
    const attrs = [
      `BANDWIDTH=${Math.round(v.bandwidth)}`,
      `AVERAGE-BANDWIDTH=${Math.round(v.averageBandwidth)}`,
      `CODECS=${quoted(v.codecs)}`,
      ...(v.width && v.height ? [`RESOLUTION=${v.width}x${v.height}`] : []),
      ...(v.frameRate ? [`FRAME-RATE=${v.frameRate.toFixed(3)}`] : []),
      ...(subtitles.length ? ['SUBTITLES="subs"'] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, v.uri);
  }
  return `${lines.join('\n')}\n`;
}

/** The complete VOD playlist: one EXTINF per segment from the boundaries, then EXT-X-ENDLIST. */
export function mediaPlaylist(boundaries: number[], uri: (index: number) => string): string {
  const lengths = boundaries.slice(1).map((b, i) => b - boundaries[i]);
  // RFC 8216 §4.3.3.1: every EXTINF rounded to the nearest integer must not exceed the target.
  const target = Math.max(1, ...lengths.map((l) => Math.round(l)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
  ];
  lengths.forEach((l, i) => {
    lines.push(`#EXTINF:${l.toFixed(6)},`, uri(i));
  });
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

/** A subtitle playlist with one WebVTT segment covering the whole media. */
export function subtitlePlaylist(duration: number, uri: string): string {
  const len = Math.max(0.001, duration);
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.ceil(len))}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${len.toFixed(6)},`,
    uri,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}
