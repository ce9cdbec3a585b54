// cleanEdit: text trimmed, blank titles and list entries reported by field, control characters refused in one-line
// fields (an overview keeps its lines), blank optional text cleared, list repeats in another case dropped;
// unlockProblems: only fields an edit can lock.
import { describe, expect, test } from 'bun:test';
import { cleanEdit, type MetadataEdit, unlockProblems } from './metadata-edit.ts';

const BLANK = 'Must not be blank';
const CONTROLS = 'Must not contain control characters (such as newlines)';

describe('cleanEdit', () => {
  test.each<[string, MetadataEdit, MetadataEdit]>([
    ['a plain edit', { title: 'Heat', year: 1995, rating: 8 }, { title: 'Heat', year: 1995, rating: 8 }],
    ['spaces around a title', { title: '  Heat ' }, { title: 'Heat' }],
    ['spaces around a sort title', { sortTitle: ' Heat 1 ' }, { sortTitle: 'Heat 1' }],
    ['an original title of spaces', { originalTitle: '   ' }, { originalTitle: null }],
    ['an empty tagline', { tagline: '' }, { tagline: null }],
    ['a content rating with spaces', { contentRating: ' PG-13 ' }, { contentRating: 'PG-13' }],
    ['an overview of spaces', { overview: ' \n ' }, { overview: null }],
    ['an overview of several lines', { overview: ' One.\nTwo. ' }, { overview: 'One.\nTwo.' }],
    ['null clears', { overview: null, year: null }, { overview: null, year: null }],
    ['genres with spaces', { genres: [' Action', 'Crime  '] }, { genres: ['Action', 'Crime'] }],
    ['a genre twice in two cases', { genres: ['Action', ' action', 'ACTION'] }, { genres: ['Action'] }],
    ['no genres', { genres: [] }, { genres: [] }],
    ['studios and tags alike', { studios: ['A24', 'a24 '], tags: [' x'] }, { studios: ['A24'], tags: ['x'] }],
    ['provider ids untouched', { providerIds: { tmdb: '603' } }, { providerIds: { tmdb: '603' } }],
  ])('%s', (_name, edit, expected) => {
    expect(cleanEdit(edit)).toEqual({ edit: expected, problems: [] });
  });

  test.each<[string, MetadataEdit, [string, string][]]>([
    ['an empty title', { title: '' }, [['body.title', BLANK]]],
    ['a title of spaces', { title: '   ' }, [['body.title', BLANK]]],
    ['a sort title of spaces', { sortTitle: ' ' }, [['body.sortTitle', BLANK]]],
    ['a title with a newline', { title: 'Heat\nII' }, [['body.title', CONTROLS]]],
    ['a title of a tab', { title: '\t' }, [['body.title', CONTROLS]]],
    ['an original title with a NUL', { originalTitle: 'He\u0000at' }, [['body.originalTitle', CONTROLS]]],
    ['a blank genre', { genres: ['Action', '  '] }, [['body.genres.1', BLANK]]],
    ['a tag with a newline', { tags: ['a\nb'] }, [['body.tags.0', CONTROLS]]],
    [
      'a blank title and a blank studio together',
      { title: ' ', studios: ['', 'A24'] },
      [
        ['body.title', BLANK],
        ['body.studios.0', BLANK],
      ],
    ],
  ])('%s is reported', (_name, edit, expected) => {
    expect(cleanEdit(edit).problems.map((p) => [p.path, p.message])).toEqual(expected);
  });
});

describe('unlockProblems', () => {
  test.each<[string, string[] | undefined, string[]]>([
    ['no list (unlock all)', undefined, []],
    ['fields an edit locks', ['title', 'genres', 'providerIds'], []],
    ['a misspelt field', ['title', 'titel'], ['body.fields.1']],
    ['a column name', ['sort_title'], ['body.fields.0']],
  ])('%s', (_name, fields, paths) => {
    expect(unlockProblems(fields).map((p) => p.path)).toEqual(paths);
  });

  test('the message lists the fields', () => {
    expect(unlockProblems(['x'])[0].message).toBe(
      'Unknown field; expected one of title, sortTitle, originalTitle, year, overview, tagline, contentRating, ' +
        'rating, genres, studios, tags, providerIds',
    );
  });
});
