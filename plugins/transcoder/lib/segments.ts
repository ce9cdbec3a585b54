// Pure helpers of the on-demand HLS encoder: reading ffmpeg's csv segment list, and deciding whether a requested
// segment is served, awaited from the running encode, or needs ffmpeg restarted at it (CONVENTIONS 6.2).

/** One finished segment from ffmpeg's `-segment_list_type csv` file. */
export interface ListedSegment {
  index: number;
  file: string;
  start: number;
  end: number;
}

/** Parses `seg12.ts,36.000000,39.000000` lines; lines that are not finished segments are skipped. */
export function parseSegmentList(text: string): ListedSegment[] {
  const out: ListedSegment[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(seg(\d+)\.ts),(-?[\d.]+),(-?[\d.]+)$/.exec(line.trim());
    if (m) out.push({ index: Number(m[2]), file: m[1], start: Number(m[3]), end: Number(m[4]) });
  }
  return out;
}

/** The encode currently producing a stream of a session, as far as the decision needs it. */
export interface RunState {
  stream: string;
  startSegment: number;
  /** Highest finished segment of this run, or startSegment - 1 before the first. */
  produced: number;
  running: boolean;
}

export type SegmentAction = 'serve' | 'wait' | 'restart';

/**
 * What to do for a request of segment `index` of `stream`: serve it when a finished copy exists; wait when the
 * running encode of the same stream will reach it within `windowSegments`; otherwise (no encode, another
 * quality, behind the encode's start, or too far ahead) restart ffmpeg at it.
 */
export function decideSegment(o: {
  index: number;
  stream: string;
  done: boolean;
  run: RunState | null;
  windowSegments: number;
}): SegmentAction {
  if (o.done) return 'serve';
  const r = o.run;
  if (!r?.running || r.stream !== o.stream) return 'restart';
  if (o.index < r.startSegment) return 'restart';
  if (o.index > Math.max(r.produced, r.startSegment - 1) + o.windowSegments) return 'restart';
  return 'wait';
}
