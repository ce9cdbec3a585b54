// libraryInputProblems: blank names, control characters, relative or NUL-bearing folder paths and a change of
// nothing are reported by field; good input is not. nameTakenBy: which other library already has a name, compared
// trimmed, in one Unicode form and case ignored; a library keeping its own name clashes with none.
import { describe, expect, test } from 'bun:test';
import { libraryInputProblems, nameTakenBy } from './library-input.ts';

const CONTROL = 'Must not contain control characters (such as newlines)';

test.each([
  ['a plain name and absolute paths', { name: 'Films', paths: ['/srv/films', '/mnt/a/../b'] }, []],
  ['a name with spaces around it (trimmed later)', { name: '  Films  ' }, []],
  ['a name with accents and symbols', { name: 'Séries & Films — 4K' }, []],
  ['a name alone', { name: 'Films' }, []],
  ['paths alone', { paths: ['/srv/films'] }, []],
  ['neither field', {}, [['body', 'Nothing to change; expected name or paths']]],
  ['an empty name', { name: '' }, [['body.name', 'Must not be blank']]],
  ['a name of spaces', { name: '   ' }, [['body.name', 'Must not be blank']]],
  ['a name of a tab', { name: '\t' }, [['body.name', CONTROL]]],
  ['a name with a NUL', { name: 'Fi\u0000lms' }, [['body.name', CONTROL]]],
  ['a name with a newline', { name: 'Films\nTV' }, [['body.name', CONTROL]]],
  ['a name with DEL', { name: 'Films\u007f' }, [['body.name', CONTROL]]],
  ['a name with a C1 control', { name: 'Films\u0085' }, [['body.name', CONTROL]]],
  ['a relative path', { paths: ['plugins'] }, [['body.paths.0', 'plugins is not an absolute path']]],
  ['a dot path', { paths: ['./movies'] }, [['body.paths.0', './movies is not an absolute path']]],
  ['a home-relative path', { paths: ['~/Movies'] }, [['body.paths.0', '~/Movies is not an absolute path']]],
  [
    'only the bad one of several paths',
    { paths: ['/srv/films', 'tv'] },
    [['body.paths.1', 'tv is not an absolute path']],
  ],
  [
    'a path with a NUL',
    { paths: ['/srv/fi\u0000lms'] },
    [['body.paths.0', 'Must not contain a NUL character']],
  ],
  [
    'a bad name and a bad path together',
    { name: ' ', paths: ['x'] },
    [
      ['body.name', 'Must not be blank'],
      ['body.paths.0', 'x is not an absolute path'],
    ],
  ],
] as const)('%s', (_name, body, expected) => {
  expect(libraryInputProblems(body).map((p) => [p.path, p.message])).toEqual(expected.map((e) => [...e]));
});

describe('nameTakenBy', () => {
  const films = { id: 'f', name: 'Films' };
  const twin = { id: 't', name: 'FILMS' }; // named alike before names had to differ
  const cinema = { id: 'c', name: 'Cinéma' };
  const all = [films, twin, cinema];

  test.each([
    ['a new name', 'Séries', undefined, undefined],
    ['the same name', 'Films', undefined, 'f'],
    ['in another case with spaces around it', '  fILMS ', undefined, 'f'],
    ['with decomposed accents', 'Cine\u0301ma', undefined, 'c'],
    ['with the accent left out (another name)', 'Cinema', undefined, undefined],
    ["another library's name, for a rename", 'cinéma', films, 'c'],
    ['its own name in another case, for a rename', 'films', films, undefined],
    ['its own name, shared with an older twin', 'Films', twin, undefined],
    ['the name of a library named like another, for a third', 'films', cinema, 'f'],
  ] as const)('%s', (_name, name, self, expected) => {
    expect(nameTakenBy(all, name, self)?.id).toBe(expected);
  });
});
