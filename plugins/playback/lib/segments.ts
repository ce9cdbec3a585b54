// Pure segment boundaries of a VOD playlist: equal lengths for encodes (last one shorter), keyframe-aligned cuts
// for stream copies (each segment at least the target long), and the segment holding a position.

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** [0, len, 2·len, …, duration]; a last piece shorter than 0.1 s is merged into the one before it. */
export function equalBoundaries(duration: number, len: number): number[] {
  if (!(duration > 0) || !(len > 0)) return [0, Math.max(0, duration)];
  const out = [0];
  for (let t = len; t < duration - 0.1; t += len) out.push(round3(t));
  out.push(round3(duration));
  return out;
}

/**
 * Boundaries on keyframes: each cut is the first keyframe at least `target` seconds after the previous cut, so
 * stream-copied segments start on a keyframe exactly where the playlist says. Falls back to equal lengths when
 * there are no usable keyframes.
 */
export function keyframeBoundaries(duration: number, keyframes: number[] | null, target: number): number[] {
  const keys = (keyframes ?? []).filter((k) => k > 0 && k < duration - 0.1).sort((a, b) => a - b);
  if (!keys.length) return equalBoundaries(duration, target);
  const out = [0];
  // A millisecond of slack: 4.023 - 2.023 is 1.9999999999999996 in floating point.
  for (const k of keys) if (k - out[out.length - 1] >= target - 0.001) out.push(round3(k));
  out.push(round3(duration));
  return out;
}

/** The index of the segment containing `position` (clamped to the first and last). */
export function segmentAt(boundaries: number[], position: number): number {
  const last = boundaries.length - 2;
  if (last < 0) return 0;
  for (let i = last; i >= 0; i--) if (position >= boundaries[i]) return i;
  return 0;
}
