// Table tests for classifyExtra (and classifyExtraIn, the walk's form of it): Jellyfin/Plex extras folders, whole file names and suffixes.
import { describe, expect, test } from 'bun:test';
import { classifyExtra, classifyExtraIn, type ExtraKind } from './extras';
import { splitPath } from './path-parts';

type FolderCase = [path: string, kind: ExtraKind];

const folderCases: FolderCase[] = [
  ['Movie (2020)/trailers/Official Trailer.mkv', 'trailer'],
  ['Movie (2020)/Trailers/Teaser.mp4', 'trailer'],
  ['Movie (2020)/backdrops/loop.mp4', 'theme-video'],
  ['Movie (2020)/theme-music/Main Theme.mp3', 'theme-song'],
  ['Movie (2020)/behind the scenes/Making Of.mkv', 'behindthescenes'],
  ['Movie (2020)/Behind The Scenes/Making Of.mkv', 'behindthescenes'],
  ['Movie (2020)/deleted scenes/Alternate Ending.mkv', 'deletedscene'],
  ['Movie (2020)/Deleted Scenes/Alternate Ending.mkv', 'deletedscene'],
  ['Movie (2020)/interviews/Director.mkv', 'interview'],
  ['Movie (2020)/Interviews/Director.mkv', 'interview'],
  ['Movie (2020)/scenes/Opening.mkv', 'scene'],
  ['Movie (2020)/samples/sample.mkv', 'sample'],
  ['Movie (2020)/shorts/Pixar Short.mkv', 'short'],
  ['Movie (2020)/Shorts/Pixar Short.mkv', 'short'],
  ['Movie (2020)/featurettes/VFX Breakdown.mkv', 'featurette'],
  ['Movie (2020)/Featurettes/VFX Breakdown.mkv', 'featurette'],
  ['Movie (2020)/clips/Clip 1.mkv', 'clip'],
  ['Movie (2020)/extras/Bloopers.mkv', 'other'],
  ['Movie (2020)/Extras/Bloopers.mkv', 'other'],
  ['Movie (2020)/extra/Bloopers.mkv', 'other'],
  ['Movie (2020)/other/Bloopers.mkv', 'other'],
  ['Movie (2020)/Other/Bloopers.mkv', 'other'],
  ['Show (2010)/Season 01/Featurettes/Inside the Episode.mkv', 'featurette'],
  ['Show (2010)/Extras/Cast Interviews.mkv', 'other'],
  ['Show (2010)\\Trailers\\Season 1 Trailer.mkv', 'trailer'],
];

describe('classifyExtra by folder', () => {
  test.each(folderCases)('%s → %s', (path, kind) => {
    expect(classifyExtra(path)?.kind).toBe(kind);
    expect(classifyExtra(path)?.rule).toBe('folder');
  });
});

type NameCase = [path: string, kind: ExtraKind, rule: 'filename' | 'suffix', title: string];

const nameCases: NameCase[] = [
  ['Movie (2020)/trailer.mkv', 'trailer', 'filename', 'trailer'],
  ['Movie (2020)/Trailer.mp4', 'trailer', 'filename', 'Trailer'],
  ['Movie (2020)/sample.mkv', 'sample', 'filename', 'sample'],
  ['Movie (2020)/theme.mp3', 'theme-song', 'filename', 'theme'],
  ['Movie (2020)/theme.flac', 'theme-song', 'filename', 'theme'],
  ['Show (2010)/theme.m4a', 'theme-song', 'filename', 'theme'],
  ['Movie (2020)/Movie (2020)-trailer.mkv', 'trailer', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Movie (2020).trailer.mkv', 'trailer', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Movie (2020)_trailer.mkv', 'trailer', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Movie (2020) trailer.mkv', 'trailer', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Teaser 2-TRAILER.mp4', 'trailer', 'suffix', 'Teaser 2'],
  ['Movie (2020)/Movie (2020)-sample.mkv', 'sample', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Movie (2020).sample.mkv', 'sample', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Movie (2020)_sample.mkv', 'sample', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Movie (2020) sample.mkv', 'sample', 'suffix', 'Movie (2020)'],
  ['Movie (2020)/Opening-scene.mkv', 'scene', 'suffix', 'Opening'],
  ['Movie (2020)/Car Chase-clip.mkv', 'clip', 'suffix', 'Car Chase'],
  ['Movie (2020)/Director-interview.mkv', 'interview', 'suffix', 'Director'],
  ['Movie (2020)/Making Of-behindthescenes.mkv', 'behindthescenes', 'suffix', 'Making Of'],
  ['Movie (2020)/Alternate Ending-deleted.mkv', 'deletedscene', 'suffix', 'Alternate Ending'],
  ['Movie (2020)/Alternate Ending-deletedscene.mkv', 'deletedscene', 'suffix', 'Alternate Ending'],
  ['Movie (2020)/VFX-featurette.mkv', 'featurette', 'suffix', 'VFX'],
  ['Movie (2020)/Pixar Short-short.mkv', 'short', 'suffix', 'Pixar Short'],
  ['Movie (2020)/Bloopers-other.mkv', 'other', 'suffix', 'Bloopers'],
  ['Movie (2020)/Bloopers-extra.mkv', 'other', 'suffix', 'Bloopers'],
  ['Movie (2020)/Car Chase-Clip.MKV', 'clip', 'suffix', 'Car Chase'],
];

describe('classifyExtra by file name', () => {
  test.each(nameCases)('%s → %s by %s', (path, kind, rule, title) => {
    expect(classifyExtra(path)).toEqual({ kind, rule, title });
  });
});

const mainContent: string[] = [
  'Movie (2020)/Movie (2020).mkv',
  'Movie (2020)/Movie (2020) - 2160p.mkv',
  'Movie (2020)/Movie (2020) - cd1.mkv',
  'Show (2010)/Season 01/Show S01E01.mkv',
  'Movie (2020)/theme.mkv',
  'Movie (2020)/Movie (2020)-trailers.mkv',
  'Movie (2020)/The Trailer Park (2020).mkv',
  'Movie (2020)/Sampler (2020).mkv',
  'Movie (2020)/Sample Size (2020).mkv',
  'Movie (2020)/Deleted (2020).mkv',
  'Movie (2020)/-trailer.mkv',
  'Movie (2020)/Bloopers - other.mkv',
  'Trailers/Some Movie (2020).mkv',
  'Extras/Season 1/Extras S01E01.mkv',
  'Shorts/Paperman (2012).mkv',
  'Movie (2020)/Trailers Season/clip.mkv',
  'Movie (2020)/Movie.2020.1080p.x264-GROUP.mkv',
  'Movie (2020)/Car Chase-scenes.mkv',
  '',
];

describe('classifyExtra: folder names that are Object.prototype members are ordinary folders', () => {
  test.each([
    'Movie (2010)/constructor/Movie.mkv',
    'Show/__proto__/Show S01E01.mkv',
    'a/b/hasOwnProperty/clip.mkv',
    'Movie (2010)/toString/Movie.mkv',
  ])('%p is not an extra', (path) => {
    expect(classifyExtra(path)).toBeNull();
  });
});

describe('classifyExtra leaves main content alone', () => {
  test.each(mainContent)('%p is not an extra', (path) => {
    expect(classifyExtra(path)).toBeNull();
  });
});

// Every path above, at every depth and under folders that hold no extras (or look like it to a plain object).
const folders = [
  'Trailers',
  'EXTRAS',
  'backdrops',
  'Season 01',
  'trailer',
  'constructor',
  '__proto__',
  'Ünïcödé',
];
const allPaths = [...folderCases.map(([p]) => p), ...nameCases.map(([p]) => p), ...mainContent].flatMap(
  (p) => {
    const name = splitPath(p).at(-1) ?? '';
    return [p, name, ...folders.flatMap((f) => [`${f}/${name}`, `Movie/${f}/${name}`, `a/b/${f}/${name}`])];
  },
);

describe('classifyExtraIn', () => {
  test.each(allPaths)('%p as classifyExtra has it', (path) => {
    const segments = splitPath(path);
    const name = segments.at(-1);
    if (name === undefined) return expect(classifyExtra(path)).toBeNull();
    const folder = segments.length >= 3 ? segments[segments.length - 2] : undefined;
    expect(classifyExtraIn(folder, name)).toEqual(classifyExtra(path));
  });

  test('the folder counts, not the folders above it', () => {
    expect(classifyExtraIn('Trailers', 'Teaser.mkv')?.kind).toBe('trailer');
    expect(classifyExtraIn(undefined, 'Teaser.mkv')).toBeNull();
    expect(classifyExtraIn('Season 01', 'Show S01E01-clip.mkv')?.rule).toBe('suffix');
  });
});
