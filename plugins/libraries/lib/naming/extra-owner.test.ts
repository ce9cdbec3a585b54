// Table tests for where an extra's owner lives (extraOwnerLevels) and which title in that folder it belongs to
// (chooseExtraOwner).
import { describe, expect, test } from 'bun:test';
import { chooseExtraOwner, extraOwnerLevels, type OwnerCandidate } from './extra-owner';
import { classifyExtra } from './extras';

describe('extraOwnerLevels', () => {
  test.each([
    ['The Matrix (1999)/The Matrix (1999)-trailer.mkv', 'movies', 0],
    ['The Matrix (1999)/trailer.mkv', 'movies', 0],
    ['Heat (1995)-trailer.mkv', 'movies', 0],
    ['The Matrix (1999)/Trailers/Teaser.mkv', 'movies', 1],
    ['The Matrix (1999)/Behind The Scenes/Making Of.mkv', 'movies', 1],
    ['Collection/The Matrix (1999)/Featurettes/VFX.mkv', 'movies', 1],
    ['The Matrix (1999)/Extras/Trailers/Teaser.mkv', 'movies', 2],
    ['Extras/Trailers/Teaser.mkv', 'movies', 1],
    ['Movie/Sub/Heat-trailer.mkv', 'movies', 0],
    ['Show/Season 1/Extras/Bloopers.mkv', 'shows', 2],
    ['Show/Season 1/Show S01E01-trailer.mkv', 'shows', 1],
    ['Show/Extras/Cast.mkv', 'shows', 1],
    ['Show/trailer.mkv', 'shows', 0],
    ['Show S01E01-trailer.mkv', 'shows', 0],
    ['Show\\Season 1\\Extras\\Bloopers.mkv', 'shows', 2],
  ] as const)('%s in a %s library → %i folder(s) up', (path, library, up) => {
    expect(extraOwnerLevels(path, library)).toBe(up);
  });
});

const heat: OwnerCandidate<string> = { id: 'heat', mainFiles: ['Heat (1995).mkv'] };
const heat86: OwnerCandidate<string> = { id: 'heat86', mainFiles: ['Heat (1986).mkv'] };
const ronin: OwnerCandidate<string> = { id: 'ronin', mainFiles: ['Ronin (1998).mkv'] };
const dune: OwnerCandidate<string> = {
  id: 'dune',
  mainFiles: ['Dune (2021) - 1080p.mkv', 'Dune (2021) - 2160p.mkv'],
};
const matrix: OwnerCandidate<string> = { id: 'matrix', mainFiles: ['The Matrix.1999.1080p.mkv'] };
const reloaded: OwnerCandidate<string> = { id: 'reloaded', mainFiles: ['The Matrix Reloaded (2003).mkv'] };
const blade: OwnerCandidate<string> = {
  id: 'blade',
  mainFiles: ['Blade Runner (1982).mkv', "Blade Runner (1982) - Director's Cut.mkv"],
};
const bladeFinal: OwnerCandidate<string> = {
  id: 'final',
  mainFiles: ['Blade Runner (1982) - Final Cut.mkv'],
};

describe('chooseExtraOwner', () => {
  test.each([
    ['the only title in the folder, whatever the extra is called', 'Teaser 2-TRAILER.mp4', [heat], 'heat'],
    ['the only title, for a whole-name extra', 'trailer.mkv', [heat], 'heat'],
    ['the title whose file name the suffix extra repeats', 'Heat (1995)-trailer.mkv', [ronin, heat], 'heat'],
    [
      'case and separators around the suffix do not matter',
      'heat (1995) .TRAILER.mkv',
      [ronin, heat],
      'heat',
    ],
    ['a release-style name', 'The Matrix.1999.1080p-trailer.mkv', [reloaded, matrix], 'matrix'],
    ['a name several files of one title extend', 'Dune (2021)-sample.mkv', [heat, dune], 'dune'],
    ['an exact name over names it begins', 'Blade Runner (1982)-trailer.mkv', [bladeFinal, blade], 'blade'],
    ['a name only one title extends', 'The Matrix-trailer.mkv', [heat, reloaded], 'reloaded'],
  ])('%s', (_why, file, candidates, owner) => {
    expect(chooseExtraOwner(classifyExtra(`Movies/${file}`)!, candidates)).toBe(owner);
  });

  test.each([
    ['no title in the folder', 'Heat (1995)-trailer.mkv', []],
    ['a whole-name extra beside several titles', 'trailer.mkv', [heat, ronin]],
    ['a suffix extra naming none of the titles', 'Alien (1979)-trailer.mkv', [heat, ronin]],
    ['a suffix extra two titles extend', 'Heat-trailer.mkv', [heat, heat86]],
    ['a name that only begins like a title', 'Hea-trailer.mkv', [heat, ronin]],
    [
      'a suffix extra with two titles of that exact name',
      'Heat (1995)-trailer.mkv',
      [heat, { ...heat, id: 'x' }],
    ],
  ])('none: %s', (_why, file, candidates) => {
    expect(chooseExtraOwner(classifyExtra(`Movies/${file}`)!, candidates)).toBeNull();
  });

  test('an extras-folder extra beside several titles belongs to none of them', () => {
    expect(chooseExtraOwner(classifyExtra('Movies/Trailers/Heat (1995).mkv')!, [heat, ronin])).toBeNull();
  });
});
