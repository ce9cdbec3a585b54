// How an episode hit is labelled under its title (pure): "Show · S01E02", a multi-episode file "Show · S01E02–E03".

const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

/** "Breaking Bad · S05E14"; the show left out when unknown; the range of a multi-episode file. */
export function episodeLabel(
  show: string | null,
  season: number | null,
  episode: number | null,
  ending: number | null = null,
): string {
  const range = ending !== null && episode !== null && ending > episode ? `–E${pad(ending)}` : '';
  const code = `S${pad(season)}E${pad(episode)}${range}`;
  return show ? `${show} · ${code}` : code;
}
