// Language tokens in sidecar names: ISO 639-1/639-2 codes and English/native names → ISO 639-2/B codes;
// BCP-47 tags with a script or region (`pt-BR`, `zh-Hans`) are kept, with normalised case.

// [639-2/B, 639-2/T or '', 639-1 or '', names…]
const LANGUAGES: string[][] = [
  ['eng', '', 'en', 'english'],
  ['fre', 'fra', 'fr', 'french', 'francais', 'français'],
  ['ger', 'deu', 'de', 'german', 'deutsch'],
  ['spa', '', 'es', 'spanish', 'espanol', 'español', 'castellano'],
  ['ita', '', 'it', 'italian', 'italiano'],
  ['por', '', 'pt', 'portuguese', 'portugues', 'português'],
  ['dut', 'nld', 'nl', 'dutch', 'nederlands', 'flemish'],
  ['swe', '', 'sv', 'swedish', 'svenska'],
  ['nor', '', 'no', 'norwegian', 'norsk'],
  ['nob', '', 'nb', 'bokmal', 'bokmål', 'norwegian bokmal'],
  ['nno', '', 'nn', 'nynorsk', 'norwegian nynorsk'],
  ['dan', '', 'da', 'danish', 'dansk'],
  ['fin', '', 'fi', 'finnish', 'suomi'],
  ['ice', 'isl', 'is', 'icelandic'],
  ['pol', '', 'pl', 'polish', 'polski'],
  ['cze', 'ces', 'cs', 'czech', 'cesky', 'čeština'],
  ['slo', 'slk', 'sk', 'slovak'],
  ['hun', '', 'hu', 'hungarian', 'magyar'],
  ['rum', 'ron', 'ro', 'romanian'],
  ['bul', '', 'bg', 'bulgarian'],
  ['gre', 'ell', 'el', 'greek'],
  ['tur', '', 'tr', 'turkish', 'turkce', 'türkçe'],
  ['rus', '', 'ru', 'russian'],
  ['ukr', '', 'uk', 'ukrainian'],
  ['hrv', '', 'hr', 'croatian', 'hrvatski'],
  ['srp', '', 'sr', 'serbian'],
  ['slv', '', 'sl', 'slovenian', 'slovene'],
  ['bos', '', 'bs', 'bosnian'],
  ['mac', 'mkd', 'mk', 'macedonian'],
  ['alb', 'sqi', 'sq', 'albanian'],
  ['est', '', 'et', 'estonian'],
  ['lav', '', 'lv', 'latvian'],
  ['lit', '', 'lt', 'lithuanian'],
  ['ara', '', 'ar', 'arabic'],
  ['heb', '', 'he', 'hebrew', 'iw'],
  ['per', 'fas', 'fa', 'persian', 'farsi'],
  ['hin', '', 'hi', 'hindi'],
  ['ben', '', 'bn', 'bengali', 'bangla'],
  ['tam', '', 'ta', 'tamil'],
  ['tel', '', 'te', 'telugu'],
  ['mal', '', 'ml', 'malayalam'],
  ['kan', '', 'kn', 'kannada'],
  ['mar', '', 'mr', 'marathi'],
  ['urd', '', 'ur', 'urdu'],
  ['tha', '', 'th', 'thai'],
  ['vie', '', 'vi', 'vietnamese'],
  ['ind', '', 'id', 'indonesian', 'bahasa indonesia'],
  ['may', 'msa', 'ms', 'malay'],
  ['fil', '', '', 'filipino'],
  ['tgl', '', 'tl', 'tagalog'],
  ['jpn', '', 'ja', 'japanese'],
  ['kor', '', 'ko', 'korean'],
  ['chi', 'zho', 'zh', 'chinese', 'mandarin'],
  ['yue', '', '', 'cantonese'],
  ['cat', '', 'ca', 'catalan'],
  ['baq', 'eus', 'eu', 'basque'],
  ['glg', '', 'gl', 'galician'],
  ['wel', 'cym', 'cy', 'welsh'],
  ['gle', '', 'ga', 'irish'],
  ['afr', '', 'af', 'afrikaans'],
  ['arm', 'hye', 'hy', 'armenian'],
  ['geo', 'kat', 'ka', 'georgian'],
  ['kaz', '', 'kk', 'kazakh'],
  ['lat', '', 'la', 'latin'],
  ['swa', '', 'sw', 'swahili'],
];

// Common spellings that name a regional variant rather than a bare language.
const REGIONAL_ALIASES = new Map<string, string>(
  Object.entries({
    pob: 'pt-BR',
    ptbr: 'pt-BR',
    brazilian: 'pt-BR',
    'brazilian portuguese': 'pt-BR',
    'portuguese (brazil)': 'pt-BR',
    'simplified chinese': 'zh-Hans',
    'traditional chinese': 'zh-Hant',
    chs: 'zh-Hans',
    cht: 'zh-Hant',
    'latin american spanish': 'es-419',
  }),
);

const BY_TOKEN = new Map<string, string>();
for (const [bibliographic, ...aliases] of LANGUAGES) {
  BY_TOKEN.set(bibliographic, bibliographic);
  for (const alias of aliases) if (alias !== '') BY_TOKEN.set(alias, bibliographic);
}

const BCP47 = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/**
 * Normalises a language token to ISO 639-2/B (`en`, `eng`, `English` → `eng`; `fra` → `fre`), or to a
 * BCP-47 tag when it carries a script or region (`pt_br` → `pt-BR`, `zh-hans` → `zh-Hans`). Undefined
 * when the token is not a known language.
 */
export function normaliseLanguage(token: string): string | undefined {
  const lower = token.trim().toLowerCase().replace(/_/g, '-');
  const alias = REGIONAL_ALIASES.get(lower) ?? REGIONAL_ALIASES.get(lower.replace(/-/g, ''));
  if (alias) return alias;
  const direct = BY_TOKEN.get(lower);
  if (direct) return direct;
  const tag = BCP47.exec(lower);
  if (!tag || (tag[2] === undefined && tag[3] === undefined) || !BY_TOKEN.has(tag[1])) return undefined;
  const script = tag[2] ? `-${tag[2][0].toUpperCase()}${tag[2].slice(1)}` : '';
  const region = tag[3] ? `-${tag[3].toUpperCase()}` : '';
  return `${tag[1]}${script}${region}`;
}
