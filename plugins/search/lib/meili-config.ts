// Which Meilisearch to use: the plugin config wins, then BIJOU_MEILI_URL / BIJOU_MEILI_KEY; no URL means FTS5.
export interface MeiliSettings {
  url: string;
  key?: string;
  index: string;
}

export function resolveMeili(
  config: { meiliUrl?: string; meiliKey?: string; meiliIndex: string },
  env: Record<string, string | undefined>,
): MeiliSettings | null {
  const url = config.meiliUrl?.trim() || env.BIJOU_MEILI_URL?.trim();
  if (!url) return null;
  const key = config.meiliKey || env.BIJOU_MEILI_KEY || undefined;
  return { url, ...(key ? { key } : {}), index: config.meiliIndex };
}
