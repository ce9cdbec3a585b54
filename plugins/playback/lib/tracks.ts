// Pure audio/subtitle track choice: an explicit choice wins, then the user's language rules (preferred audio
// languages; subtitle mode none | forced | always | smart with preferred subtitle languages), then defaults.

export interface TrackInfo {
  id: string;
  language: string | null;
  isDefault: boolean;
  forced: boolean;
  sdh: boolean;
}

export type SubtitleMode = 'none' | 'forced' | 'always' | 'smart';

export interface LanguageRules {
  audioLanguages: string[];
  subtitleLanguages: string[];
  subtitleMode: SubtitleMode;
}

// ISO 639-1 and 639-2/T codes → the 639-2/B codes the library stores.
const ALIASES: Record<string, string> = {
  en: 'eng',
  fr: 'fre',
  fra: 'fre',
  de: 'ger',
  deu: 'ger',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'dut',
  nld: 'dut',
  sv: 'swe',
  da: 'dan',
  no: 'nor',
  nb: 'nob',
  nn: 'nno',
  fi: 'fin',
  is: 'ice',
  isl: 'ice',
  pl: 'pol',
  cs: 'cze',
  ces: 'cze',
  sk: 'slo',
  slk: 'slo',
  hu: 'hun',
  ro: 'rum',
  ron: 'rum',
  el: 'gre',
  ell: 'gre',
  ru: 'rus',
  uk: 'ukr',
  tr: 'tur',
  ar: 'ara',
  he: 'heb',
  fa: 'per',
  fas: 'per',
  hi: 'hin',
  ja: 'jpn',
  ko: 'kor',
  zh: 'chi',
  zho: 'chi',
  th: 'tha',
  vi: 'vie',
  id: 'ind',
  ms: 'may',
  msa: 'may',
  hr: 'hrv',
  sr: 'srp',
  sl: 'slv',
  bg: 'bul',
  et: 'est',
  lv: 'lav',
  lt: 'lit',
  ca: 'cat',
  eu: 'baq',
  eus: 'baq',
  gl: 'glg',
  cy: 'wel',
  cym: 'wel',
  ga: 'gle',
  sq: 'alb',
  sqi: 'alb',
  mk: 'mac',
  mkd: 'mac',
};

/** A language tag reduced to the library's code: `en`, `en-US`, `eng` → `eng`; `fra` → `fre`. */
export function normLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (!base || base === 'und') return null;
  return Object.hasOwn(ALIASES, base) ? ALIASES[base] : base;
}

const sameLanguage = (a: string | null, b: string | null) => {
  const x = normLanguage(a);
  return x !== null && x === normLanguage(b);
};

/** The audio track to play. */
export function chooseAudio<T extends TrackInfo>(
  tracks: T[],
  rules: LanguageRules,
  requested?: string,
): T | null {
  const asked = requested ? tracks.find((t) => t.id === requested) : undefined;
  if (asked) return asked;
  for (const lang of rules.audioLanguages) {
    const matches = tracks.filter((t) => sameLanguage(t.language, lang));
    if (matches.length) return matches.find((t) => t.isDefault) ?? matches[0];
  }
  return tracks.find((t) => t.isDefault) ?? tracks[0] ?? null;
}

function forcedFor<T extends TrackInfo>(tracks: T[], language: string | null): T | null {
  const forced = tracks.filter((t) => t.forced);
  if (!language) return forced[0] ?? null;
  return forced.find((t) => sameLanguage(t.language, language)) ?? null;
}

function fullFor<T extends TrackInfo>(
  tracks: T[],
  rules: LanguageRules,
  audioLanguage: string | null,
): T | null {
  for (const lang of rules.subtitleLanguages) {
    const matches = tracks.filter((t) => sameLanguage(t.language, lang));
    const full = matches.filter((t) => !t.forced);
    const pick = full.find((t) => t.isDefault && !t.sdh) ?? full.find((t) => !t.sdh) ?? full[0] ?? matches[0];
    if (pick) return pick;
  }
  if (rules.subtitleLanguages.length) return forcedFor(tracks, audioLanguage);
  return tracks.find((t) => t.isDefault) ?? forcedFor(tracks, audioLanguage);
}

/**
 * The subtitle track to show: `requested` null turns subtitles off, an id picks that track. Otherwise by mode:
 * none → off; forced → the forced track in the audio's language; always → the first preferred subtitle
 * language; smart → always when the audio is not in a preferred audio language, else forced.
 */
export function chooseSubtitle<T extends TrackInfo>(
  tracks: T[],
  rules: LanguageRules,
  audioLanguage: string | null,
  requested?: string | null,
): T | null {
  if (requested === null) return null;
  if (requested) return tracks.find((t) => t.id === requested) ?? null;
  switch (rules.subtitleMode) {
    case 'none':
      return null;
    case 'forced':
      return forcedFor(tracks, audioLanguage);
    case 'always':
      return fullFor(tracks, rules, audioLanguage);
    case 'smart': {
      const understood = rules.audioLanguages.some((l) => sameLanguage(l, audioLanguage));
      return understood ? forcedFor(tracks, audioLanguage) : fullFor(tracks, rules, audioLanguage);
    }
  }
}
