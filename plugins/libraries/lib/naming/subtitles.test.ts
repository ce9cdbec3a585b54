// Table tests for parseSidecar and normaliseLanguage: languages, flags, titles and foreign sidecars.
import { describe, expect, test } from 'bun:test';
import { normaliseLanguage } from './languages';
import { parseSidecar, type SidecarInfo } from './subtitles';

const plain = { kind: 'subtitle', forced: false, default: false, sdh: false } as const;

/** The expected sidecar: format always, other fields only where they differ from `plain`. */
type Expected = Pick<SidecarInfo, 'format'> & Partial<Omit<SidecarInfo, 'format'>>;

type SidecarCase = [video: string, sidecar: string, expected: Expected];

const sidecarCases: SidecarCase[] = [
  ['Film', 'Film.srt', { format: 'srt' }],
  ['Film', 'Film.en.srt', { format: 'srt', language: 'eng' }],
  ['Film', 'Film.eng.srt', { format: 'srt', language: 'eng' }],
  ['Film', 'Film.English.srt', { format: 'srt', language: 'eng' }],
  ['Film', 'Film.en.forced.srt', { format: 'srt', language: 'eng', forced: true }],
  ['Film', 'Film.en.foreign.srt', { format: 'srt', language: 'eng', forced: true }],
  ['Film', 'Film.en.sdh.srt', { format: 'srt', language: 'eng', sdh: true }],
  ['Film', 'Film.en.cc.srt', { format: 'srt', language: 'eng', sdh: true }],
  ['Film', 'Film.en.hi.srt', { format: 'srt', language: 'eng', sdh: true }],
  ['Film', 'Film.hi.en.srt', { format: 'srt', language: 'eng', sdh: true }],
  ['Film', 'Film.hi.srt', { format: 'srt', language: 'hin' }],
  ['Film', 'Film.hin.srt', { format: 'srt', language: 'hin' }],
  ['Film', 'Film.hi.forced.srt', { format: 'srt', language: 'hin', forced: true }],
  ['Film', 'Film.default.en.forced.ass', { format: 'ass', language: 'eng', forced: true, default: true }],
  ['Film', 'Film.en.default.srt', { format: 'srt', language: 'eng', default: true }],
  ['Film', 'Film.forced.en.srt', { format: 'srt', language: 'eng', forced: true }],
  [
    'Film',
    'Film.en.forced.sdh.default.srt',
    { format: 'srt', language: 'eng', forced: true, sdh: true, default: true },
  ],
  ['Film', 'Film.FR.srt', { format: 'srt', language: 'fre' }],
  ['Film', 'Film.fre.srt', { format: 'srt', language: 'fre' }],
  ['Film', 'Film.fra.srt', { format: 'srt', language: 'fre' }],
  ['Film', 'Film.French.srt', { format: 'srt', language: 'fre' }],
  ['Film', 'Film.de.srt', { format: 'srt', language: 'ger' }],
  ['Film', 'Film.ger.srt', { format: 'srt', language: 'ger' }],
  ['Film', 'Film.deu.srt', { format: 'srt', language: 'ger' }],
  ['Film', 'Film.Deutsch.srt', { format: 'srt', language: 'ger' }],
  ['Film', 'Film.es.srt', { format: 'srt', language: 'spa' }],
  ['Film', 'Film.Spanish.srt', { format: 'srt', language: 'spa' }],
  ['Film', 'Film.nl.srt', { format: 'srt', language: 'dut' }],
  ['Film', 'Film.nld.srt', { format: 'srt', language: 'dut' }],
  ['Film', 'Film.ja.ass', { format: 'ass', language: 'jpn' }],
  ['Film', 'Film.zho.srt', { format: 'srt', language: 'chi' }],
  ['Film', 'Film.pt-BR.srt', { format: 'srt', language: 'pt-BR' }],
  ['Film', 'Film.pt_br.srt', { format: 'srt', language: 'pt-BR' }],
  ['Film', 'Film.pob.srt', { format: 'srt', language: 'pt-BR' }],
  ['Film', 'Film.Brazilian.srt', { format: 'srt', language: 'pt-BR' }],
  ['Film', 'Film.zh-Hans.srt', { format: 'srt', language: 'zh-Hans' }],
  ['Film', 'Film.zh-hant.srt', { format: 'srt', language: 'zh-Hant' }],
  ['Film', 'Film.zh-Hans-CN.srt', { format: 'srt', language: 'zh-Hans-CN' }],
  ['Film', 'Film.es-419.srt', { format: 'srt', language: 'es-419' }],
  ['Film', 'Film.en-US.vtt', { format: 'vtt', language: 'en-US' }],
  ['Film', 'Film.en.sup', { format: 'sup', language: 'eng' }],
  ['Film', 'Film.eng.sub', { format: 'sub', language: 'eng' }],
  ['Film', 'Film.en.mks', { format: 'mks', language: 'eng' }],
  ['Film', 'Film.en.smi', { format: 'smi', language: 'eng' }],
  ['Film', 'Film.en.sami', { format: 'sami', language: 'eng' }],
  ['Film', 'Film.en.ssa', { format: 'ssa', language: 'eng' }],
  ['Film', 'Film.Signs and Songs.en.ass', { format: 'ass', language: 'eng', title: 'Signs and Songs' }],
  [
    'Film',
    'Film.Director.Commentary.en.srt',
    { format: 'srt', language: 'eng', title: 'Director.Commentary' },
  ],
  ['Film', 'Film.Commentary.srt', { format: 'srt', title: 'Commentary' }],
  ['Film', 'Film.Commentary.hi.srt', { format: 'srt', language: 'hin', title: 'Commentary' }],
  ['Film', 'Film.2.en.srt', { format: 'srt', language: 'eng', title: '2' }],
  ['Film', 'Film.fr.en.srt', { format: 'srt', language: 'eng', title: 'fr' }],
  ['Film', 'Film..en.srt', { format: 'srt', language: 'eng' }],
  ['Movie (2020)', 'Movie (2020).en.srt', { format: 'srt', language: 'eng' }],
  ['Movie (2020).mkv', 'Movie (2020).en.forced.srt', { format: 'srt', language: 'eng', forced: true }],
  ['movie (2020)', 'Movie (2020).EN.SDH.SRT', { format: 'srt', language: 'eng', sdh: true }],
  ['The.Matrix.1999.1080p', 'The.Matrix.1999.1080p.eng.srt', { format: 'srt', language: 'eng' }],
];

describe('parseSidecar subtitles', () => {
  test.each(sidecarCases)('%s + %s', (video, sidecar, expected) => {
    expect(parseSidecar(video, sidecar)).toEqual({ ...plain, ...expected });
  });
});

type AudioCase = [video: string, sidecar: string, expected: Expected];

const audioCases: AudioCase[] = [
  ['Film', 'Film.English Commentary.en.mp3', { format: 'mp3', language: 'eng', title: 'English Commentary' }],
  ['Film', 'Film.de.ac3', { format: 'ac3', language: 'ger' }],
  ['Film', 'Film.jpn.default.mka', { format: 'mka', language: 'jpn', default: true }],
  ['Film', 'Film.dts', { format: 'dts' }],
  ['Film', 'Film.Isolated Score.flac', { format: 'flac', title: 'Isolated Score' }],
];

describe('parseSidecar audio', () => {
  test.each(audioCases)('%s + %s', (video, sidecar, expected) => {
    expect(parseSidecar(video, sidecar)).toEqual({ ...plain, kind: 'audio', ...expected });
  });
});

const foreign: [video: string, sidecar: string][] = [
  ['Film', 'Other Film.en.srt'],
  ['Film', 'Filmography.en.srt'],
  ['Film', 'Film-en.srt'],
  ['Film', 'Film.en.txt'],
  ['Film', 'Film.en.idx'],
  ['Film', 'Film.nfo'],
  ['Film', 'Film.jpg'],
  ['Film', 'Film.mkv'],
  ['Movie (2020)', 'Movie (2021).en.srt'],
];

describe('parseSidecar rejects files of other videos or other types', () => {
  test.each(foreign)('%s + %s → null', (video, sidecar) => {
    expect(parseSidecar(video, sidecar)).toBeNull();
  });
});

const languages: [token: string, expected: string | undefined][] = [
  ['en', 'eng'],
  ['EN', 'eng'],
  ['__proto__', undefined],
  ['constructor', undefined],
  ['eng', 'eng'],
  ['English', 'eng'],
  ['fr', 'fre'],
  ['fra', 'fre'],
  ['français', 'fre'],
  ['de', 'ger'],
  ['deu', 'ger'],
  ['german', 'ger'],
  ['it', 'ita'],
  ['pt', 'por'],
  ['sv', 'swe'],
  ['no', 'nor'],
  ['nb', 'nob'],
  ['cs', 'cze'],
  ['ces', 'cze'],
  ['el', 'gre'],
  ['ell', 'gre'],
  ['ro', 'rum'],
  ['fa', 'per'],
  ['farsi', 'per'],
  ['he', 'heb'],
  ['iw', 'heb'],
  ['zh', 'chi'],
  ['ko', 'kor'],
  ['pt-BR', 'pt-BR'],
  ['PT-br', 'pt-BR'],
  ['pt_BR', 'pt-BR'],
  ['zh-Hans', 'zh-Hans'],
  ['ZH-HANT', 'zh-Hant'],
  ['chs', 'zh-Hans'],
  ['es-419', 'es-419'],
  ['simplified chinese', 'zh-Hans'],
  ['commentary', undefined],
  ['xx', undefined],
  ['xx-YY', undefined],
  ['sdh', undefined],
  ['', undefined],
];

describe('normaliseLanguage', () => {
  test.each(languages)('%p → %p', (token, expected) => {
    expect(normaliseLanguage(token)).toBe(expected);
  });
});
