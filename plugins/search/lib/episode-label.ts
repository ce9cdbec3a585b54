// How an episode hit is labelled under its title (pure): "Show · S01E02", a multi-episode file "Show · S01E02–E03".

const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

/**
 * "Breaking Bad · S05E14"; the show left out when unknown; the range of a multi-episode file. An episode without a
 * number is labelled by its air date ("The Daily Show · 2024-03-01"), else its season ("Lost · Specials").
 */
export function episodeLabel(
  show: string | null,
  season: number | null,
  episode: number | null,
  ending: number | null = null,
  airDate: string | null = null,
): string {
  const range = ending !== null && episode !== null && ending > episode ? `–E${pad(ending)}` : '';
  const code =
    episode !== null ? `S${pad(season)}E${pad(episode)}${range}` : (airDate ?? seasonWords(season));
  return show ? `${show} · ${code}` : code;
}

const seasonWords = (season: number | null) => (season === 0 ? 'Specials' : `Season ${season ?? 1}`);
