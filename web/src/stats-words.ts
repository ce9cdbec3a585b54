// Library statistics in words (pure): the breakdowns of /v1/libraries/:id/stats with their keys as people say them
// ("4K", "SDR", "H.264", "MKV"; codecs and containers through media-words.ts), in a sensible order, and the item
// counts ("1 show · 3 seasons · 5 episodes").
import { counted } from './dom.ts';
import { mediaName } from './media-words.ts';

const RESOLUTION_ORDER = ['2160p', '1080p', '720p', 'sd', 'unknown'];

const WORDS: Record<string, Record<string, string>> = {
  resolution: { '2160p': '4K', sd: 'SD', unknown: 'Not analysed yet' },
  hdr: { sdr: 'SDR', unknown: 'Not analysed yet' },
  codec: { unknown: 'Not analysed yet' },
  container: { unknown: 'Unknown' },
};

export type Breakdown = keyof typeof WORDS;

/** A key of a breakdown in words: `2160p` → `4K`, `sdr` → `SDR`, `mkv` → `MKV`; others as they are. */
export function statKey(kind: Breakdown, key: string): string {
  const word = WORDS[kind][key];
  if (word) return word;
  if (kind === 'codec') return mediaName('video', key);
  return kind === 'container' ? mediaName('container', key) : key;
}

/** "4K 1 · 1080p 2 · SD 22": resolutions from the largest, other breakdowns most common first; "—" when empty. */
export function breakdownText(kind: Breakdown, counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (kind === 'resolution')
    entries.sort(([a], [b]) => RESOLUTION_ORDER.indexOf(a) - RESOLUTION_ORDER.indexOf(b));
  else entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return entries.map(([k, n]) => `${statKey(kind, k)} ${n}`).join(' · ') || '—';
}

const NOUNS = ['movie', 'show', 'season', 'episode'];

/** "26 movies", "1 show · 3 seasons · 5 episodes", "No titles yet". */
export function itemCounts(items: Record<string, number>): string {
  const parts = NOUNS.filter((k) => items[k]).map((k) => counted(items[k], k));
  return parts.join(' · ') || 'No titles yet';
}
