// movieNfoNames: the NFO names a movie file reads, best first — alone in its folder, one of a title's parts or
// versions (every file of the title gets the same list), among other titles, in a folder of many loose titles;
// folderHoldsOneTitle: whether a folder's own files (movie.nfo, poster.jpg) speak for a file; stackNameOf: the name a
// stack's files share.
import { describe, expect, test } from 'bun:test';
import { folderHoldsOneTitle, MAX_TITLE_FILES, movieNfoNames } from './movie-nfo-names.ts';
import { stackNameOf } from './naming/movie.ts';

const base = (file: string) => file.slice(0, file.lastIndexOf('.'));
const names = (dir: string, mains: string[], file: string) =>
  movieNfoNames(`${dir}/${file}`, base(file), mains);

describe('movieNfoNames', () => {
  test.each<[string, string, string[], string, string[]]>([
    [
      'a file alone in its folder',
      'Heat (1995)',
      ['Heat (1995).mkv'],
      'Heat (1995).mkv',
      ['Heat (1995).nfo', 'movie.nfo'],
    ],
    [
      'a title beside its remake: no movie.nfo, which would speak for both',
      'King Kong',
      ['King Kong (1933).mkv', 'King Kong (2005).mkv'],
      'King Kong (2005).mkv',
      ['King Kong (2005).nfo'],
    ],
    [
      'a release-named file alone',
      'The.Matrix.1999.1080p',
      ['The.Matrix.1999.1080p.mkv'],
      'The.Matrix.1999.1080p.mkv',
      ['The.Matrix.1999.1080p.nfo', 'movie.nfo'],
    ],
    [
      'a loose file at the root',
      '',
      ['Heat (1995).mkv'],
      'Heat (1995).mkv',
      ['Heat (1995).nfo', 'movie.nfo'],
    ],
    [
      'two other titles in one folder: only its own name',
      'Films',
      ['Heat (1995).mkv', 'Up (2009).mkv'],
      'Heat (1995).mkv',
      ['Heat (1995).nfo'],
    ],
  ])('%s', (_name, dir, mains, file, expected) => {
    expect(movieNfoNames(dir ? `${dir}/${file}` : file, base(file), mains)).toEqual(expected);
  });

  const parts = ['Kill Bill (2003) cd2.mkv', 'Kill Bill (2003) cd1.mkv'];
  const partNames = [
    'Kill Bill (2003).nfo',
    'Kill Bill (2003) cd1.nfo',
    'Kill Bill (2003) cd2.nfo',
    'movie.nfo',
  ];
  test.each(parts)(
    'each part of a stack (%s) reads the stack name, then any part’s NFO in part order',
    (file) => {
      expect(names('Kill Bill (2003)', parts, file)).toEqual(partNames);
    },
  );

  const versions = ['Dune (2021) - 2160p.mkv', 'Dune (2021) - 1080p.mkv', 'Dune (2021).mkv'];
  const versionNames = ['Dune (2021).nfo', 'Dune (2021) - 1080p.nfo', 'Dune (2021) - 2160p.nfo', 'movie.nfo'];
  test.each(versions)('each version (%s) reads the folder name, then any version’s NFO', (file) => {
    expect(names('Dune (2021)', versions, file)).toEqual(versionNames);
  });

  test('stacks with dashes, and another title beside them, which keeps its own name only', () => {
    const mains = ['Heat (1995) - part1.mkv', 'Heat (1995) - part2.mkv', 'Up (2009).mkv'];
    expect(names('Films', mains, 'Heat (1995) - part2.mkv')).toEqual([
      'Heat (1995).nfo',
      'Heat (1995) - part1.nfo',
      'Heat (1995) - part2.nfo',
    ]);
    expect(names('Films', mains, 'Up (2009).mkv')).toEqual(['Up (2009).nfo']);
  });

  test('another edition of the title in the folder is another title', () => {
    const mains = ['Blade Runner (1982).mkv', 'Blade Runner (1982) {edition-Final Cut}.mkv'];
    expect(names('Blade Runner (1982)', mains, 'Blade Runner (1982) {edition-Final Cut}.mkv')).toEqual([
      'Blade Runner (1982) {edition-Final Cut}.nfo',
      'movie.nfo',
    ]);
  });

  test(`a folder of more than ${MAX_TITLE_FILES} videos: the file's own name, and a part's stack name`, () => {
    const mains = Array.from({ length: MAX_TITLE_FILES }, (_, i) => `Film ${i} (2000).mkv`);
    mains.push('Heat (1995) cd1.mkv', 'Heat (1995) cd2.mkv');
    expect(names('Films', mains, 'Heat (1995) cd2.mkv')).toEqual(['Heat (1995) cd2.nfo', 'Heat (1995).nfo']);
    expect(names('Films', mains, 'Film 3 (2000).mkv')).toEqual(['Film 3 (2000).nfo']);
  });
});

describe('folderHoldsOneTitle', () => {
  const many = Array.from({ length: MAX_TITLE_FILES + 1 }, (_, i) => `Alien (1979) - v${i}.mkv`);
  test.each<[string, string, string[]]>([
    ['a file alone', 'Up (2009)', ['Up (2009).mkv']],
    ['a loose file alone at the root', '', ['Up (2009).mkv']],
    ['parts', 'Kill Bill (2003)', ['Kill Bill (2003) cd1.mkv', 'Kill Bill (2003) cd2.mkv']],
    ['versions', 'Dune (2021)', ['Dune (2021) - 1080p.mkv', 'Dune (2021) - 2160p.mkv']],
    ['a 3D copy beside the 2D file', 'Avatar (2009)', ['Avatar (2009).mkv', 'Avatar (2009) 3D.HSBS.mkv']],
    ['a copy named without its year', 'Heat', ['Heat (1995).mkv', 'Heat.mkv']],
    [
      'editions',
      'Alien (1979)',
      ["Alien (1979) {edition-Director's Cut}.mkv", 'Alien (1979) {edition-Theatrical}.mkv'],
    ],
  ])('one title: %s', (_, dir, mains) => {
    for (const m of mains) expect(folderHoldsOneTitle(dir ? `${dir}/${m}` : m, mains)).toBe(true);
  });
  test.each<[string, string, string[]]>([
    ['two titles', 'Films', ['Heat (1995).mkv', 'Up (2009).mkv']],
    [
      'parts beside another title',
      'Films',
      ['Kill Bill (2003) cd1.mkv', 'Kill Bill (2003) cd2.mkv', 'Up (2009).mkv'],
    ],
    ['versions beside another title', 'Films', ['Dune (2021) - 1080p.mkv', 'Up (2009).mkv']],
    ['a title and its remake', 'King Kong', ['King Kong (1933).mkv', 'King Kong (2005).mkv']],
    [`more than ${MAX_TITLE_FILES} videos`, 'Alien (1979)', many],
  ])('several titles: %s', (_, dir, mains) => {
    for (const m of mains) expect(folderHoldsOneTitle(`${dir}/${m}`, mains)).toBe(false);
  });
});

describe('stackNameOf', () => {
  test.each<[string, string | undefined]>([
    ['Heat (1995) cd1', 'Heat (1995)'],
    ['Heat (1995)-cd2', 'Heat (1995)'],
    ['Heat (1995) - part 1', 'Heat (1995)'],
    ['Heat.1995.pt2', 'Heat.1995'],
    ['Heat (1995) [disc b]', 'Heat (1995)'],
    ['Heat (1995)', undefined],
    ['Heat (1995) - 1080p', undefined],
    ['cd1', undefined],
  ])('%s → %p', (base, expected) => {
    expect(stackNameOf(base)).toBe(expected);
  });
});
