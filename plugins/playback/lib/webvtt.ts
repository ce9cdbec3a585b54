// Pure WebVTT touches for HLS: the X-TIMESTAMP-MAP header that ties cue time 0 to the TS segments' first PTS.

/** 90 kHz ticks of a time in seconds. */
export function mpegTsTicks(seconds: number): number {
  return Math.round(seconds * 90_000);
}

/** Adds (or replaces) `X-TIMESTAMP-MAP=MPEGTS:<ticks>,LOCAL:00:00:00.000` in the header block. */
export function withTimestampMap(vtt: string, ticks: number): string {
  const text = vtt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('WEBVTT')) throw new Error('not WebVTT');
  let end = lines.findIndex((l) => l.trim() === '');
  if (end < 0) end = lines.length;
  const header = lines.slice(1, end).filter((l) => !l.startsWith('X-TIMESTAMP-MAP='));
  const map = `X-TIMESTAMP-MAP=MPEGTS:${ticks},LOCAL:00:00:00.000`;
  return [lines[0], map, ...header, ...lines.slice(end)].join('\n');
}
