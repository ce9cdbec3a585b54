// Table tests of audio and subtitle choice under the language rules.
import { describe, expect, test } from 'bun:test';
import { chooseAudio, chooseSubtitle, type LanguageRules, normLanguage, type TrackInfo } from './tracks.ts';

const t = (id: string, language: string | null, o: Partial<TrackInfo> = {}): TrackInfo => ({
  id,
  language,
  isDefault: false,
  forced: false,
  sdh: false,
  ...o,
});
const rules = (o: Partial<LanguageRules> = {}): LanguageRules => ({
  audioLanguages: [],
  subtitleLanguages: [],
  subtitleMode: 'smart',
  ...o,
});

test.each([
  ['en', 'eng'],
  ['en-US', 'eng'],
  ['FRA', 'fre'],
  ['fre', 'fre'],
  ['pt_BR', 'por'],
  ['und', null],
  ['constructor', 'constructor'],
  ['', null],
])('language %p is %p', (tag, code) => {
  expect(normLanguage(tag)).toBe(code);
});

describe('audio', () => {
  const tracks = [
    t('en', 'eng', { isDefault: true }),
    t('fr', 'fre'),
    t('fr2', 'fre', { isDefault: true }),
    t('x', null),
  ];
  test.each([
    ['no rules: the default', rules(), undefined, 'en'],
    ['a preferred language: its default track', rules({ audioLanguages: ['fr'] }), undefined, 'fr2'],
    ['preferences in order', rules({ audioLanguages: ['de', 'en'] }), undefined, 'en'],
    ['an explicit choice wins', rules({ audioLanguages: ['fr'] }), 'x', 'x'],
    ['an unknown explicit id falls back to the rules', rules(), 'nope', 'en'],
  ])('%s', (_what, r, requested, id) => {
    expect(chooseAudio(tracks, r, requested)?.id).toBe(id);
  });

  test('no tracks → null', () => {
    expect(chooseAudio([], rules())).toBeNull();
  });
});

describe('subtitles', () => {
  const subs = [
    t('en-forced', 'eng', { forced: true }),
    t('en', 'eng'),
    t('en-sdh', 'eng', { sdh: true }),
    t('fr', 'fre', { isDefault: true }),
    t('fr-forced', 'fre', { forced: true }),
  ];
  test.each<[string, LanguageRules, string | null, string | null | undefined, string | null]>([
    ['off when asked', rules({ subtitleMode: 'always', subtitleLanguages: ['en'] }), 'eng', null, null],
    ['an explicit track', rules({ subtitleMode: 'none' }), 'eng', 'fr', 'fr'],
    ['mode none', rules({ subtitleMode: 'none', subtitleLanguages: ['en'] }), 'eng', undefined, null],
    [
      'mode forced: the forced track of the audio language',
      rules({ subtitleMode: 'forced' }),
      'fre',
      undefined,
      'fr-forced',
    ],
    [
      'mode forced without a forced track in that language',
      rules({ subtitleMode: 'forced' }),
      'ger',
      undefined,
      null,
    ],
    [
      'mode always: full over SDH over forced',
      rules({ subtitleMode: 'always', subtitleLanguages: ['en'] }),
      'fre',
      undefined,
      'en',
    ],
    [
      'mode always without languages: the default track',
      rules({ subtitleMode: 'always' }),
      'eng',
      undefined,
      'fr',
    ],
    [
      'mode always with a missing language: the forced track of the audio',
      rules({ subtitleMode: 'always', subtitleLanguages: ['de'] }),
      'eng',
      undefined,
      'en-forced',
    ],
    [
      'smart, audio understood: forced only',
      rules({ audioLanguages: ['en'], subtitleLanguages: ['en'] }),
      'eng',
      undefined,
      'en-forced',
    ],
    [
      'smart, foreign audio: full subtitles',
      rules({ audioLanguages: ['en'], subtitleLanguages: ['en'] }),
      'fre',
      undefined,
      'en',
    ],
  ])('%s', (_what, r, audioLanguage, requested, id) => {
    expect(chooseSubtitle(subs, r, audioLanguage, requested)?.id ?? null).toBe(id);
  });
});
