// Per-user audio/subtitle language rules, applied when a session picks its tracks.
import { eq } from 'drizzle-orm';
import type { LanguageRules } from '../lib/tracks.ts';
import { normLanguage } from '../lib/tracks.ts';
import { preferences } from '../schema.ts';
import type { Ctx } from './types.ts';

export const DEFAULT_RULES: LanguageRules = {
  audioLanguages: [],
  subtitleLanguages: [],
  subtitleMode: 'smart',
};

export class Preferences {
  constructor(private readonly ctx: Ctx) {}

  get(userId: string): LanguageRules & { updatedAt: string | null } {
    const row = this.ctx.db.select().from(preferences).where(eq(preferences.userId, userId)).get();
    if (!row) return { ...DEFAULT_RULES, updatedAt: null };
    return {
      audioLanguages: row.audioLanguages,
      subtitleLanguages: row.subtitleLanguages,
      subtitleMode: row.subtitleMode,
      updatedAt: row.updatedAt,
    };
  }

  /** Stores the rules with languages normalised to the library's codes (`en` → `eng`), duplicates dropped. */
  set(userId: string, rules: LanguageRules): LanguageRules & { updatedAt: string } {
    const clean = (l: string[]) => [
      ...new Set(l.map((x) => normLanguage(x)).filter((x): x is string => !!x)),
    ];
    const row = {
      userId,
      audioLanguages: clean(rules.audioLanguages),
      subtitleLanguages: clean(rules.subtitleLanguages),
      subtitleMode: rules.subtitleMode,
      updatedAt: new Date().toISOString(),
    };
    this.ctx.db
      .insert(preferences)
      .values(row)
      .onConflictDoUpdate({ target: preferences.userId, set: row })
      .run();
    return this.get(userId) as LanguageRules & { updatedAt: string };
  }
}
