// Table tests of hand edits: only changed fields go into the PATCH body, blanks clear, genres split on commas.
import { describe, expect, test } from 'bun:test';
import { editedFields, lockedWords } from './edit-fields.ts';

const heat = {
  title: 'Heat',
  year: 1995,
  overview: 'Robbers and a detective.',
  tagline: null,
  contentRating: 'R',
  genres: ['Action', 'Crime'],
};
const same = {
  title: 'Heat',
  year: '1995',
  overview: 'Robbers and a detective.',
  tagline: '',
  contentRating: 'R',
};

describe('editedFields', () => {
  test.each([
    ['nothing changed', { ...same, genres: 'Action, Crime' }, {}],
    [
      'a new title, trimmed',
      { ...same, title: ' Heat (Director’s Cut) ' },
      { title: 'Heat (Director’s Cut)' },
    ],
    ['a blank title is not sent', { ...same, title: '  ' }, {}],
    ['the year', { ...same, year: '1996' }, { year: 1996 }],
    ['a cleared year', { ...same, year: '' }, { year: null }],
    ['a cleared overview', { ...same, overview: ' ' }, { overview: null }],
    ['a tagline', { ...same, tagline: 'A crime saga' }, { tagline: 'A crime saga' }],
    ['genres split on commas', { ...same, genres: 'Crime,  Drama ,' }, { genres: ['Crime', 'Drama'] }],
    ['genres reordered', { ...same, genres: 'Crime, Action' }, { genres: ['Crime', 'Action'] }],
    ['fields the form lacks are left alone', { title: 'Heat' }, {}],
  ])('%s', (_, form, body) => {
    expect(editedFields(heat, form)).toEqual(body);
  });
});

describe('lockedWords', () => {
  test.each([
    [['title'], 'title'],
    [['title', 'contentRating', 'genres'], 'title, content rating, genres'],
    [[], ''],
  ])('%p → %s', (fields, words) => {
    expect(lockedWords(fields)).toBe(words);
  });
});
