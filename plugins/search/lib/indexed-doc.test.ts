// Table tests for the stored form of documents: keys, title keys, vocabulary, FTS columns and change hashes.
import { describe, expect, test } from 'bun:test';
import { ftsColumns, indexedDoc } from './indexed-doc.ts';

const matrix = {
  id: 'm1',
  type: 'movie',
  title: 'The Matrix',
  altTitles: ['Matrix', 'The Matrix'],
  people: ['Keanu Reeves', 'Carrie-Anne Moss'],
  text: ['A hacker learns the truth.'],
  boost: 0,
};

describe('indexedDoc', () => {
  test.each([
    ['key', 'movie:m1'],
    ['titleKey', 'the matrix'],
    ['altTitles', ['Matrix']],
    ['terms', ['anne', 'carrie', 'carrieanne', 'keanu', 'matrix', 'moss', 'reeves', 'the']],
    ['boost', 0],
    ['subtitle', null],
    ['visKeys', null],
  ])('%p', (field, value) => expect((indexedDoc('libraries', matrix) as any)[field]).toEqual(value));

  test('the hash changes with content and stays with equal content', () => {
    const a = indexedDoc('libraries', matrix);
    expect(indexedDoc('libraries', { ...matrix }).hash).toBe(a.hash);
    expect(indexedDoc('libraries', { ...matrix, year: 1999 }).hash).not.toBe(a.hash);
    expect(indexedDoc('libraries', matrix, { keys: ['m1'], groups: ['lib|R'] }).hash).not.toBe(a.hash);
  });

  test('a missing boost is 1', () => {
    expect(indexedDoc('x', { id: '1', type: 'podcast', title: 'Pod' }).boost).toBe(1);
  });
});

describe('ftsColumns', () => {
  test.each([
    [
      { title: 'Spider-Man', altTitles: [], people: [], body: [] },
      { title: 'spider man spiderman', alt: 'spider man', people: '', body: '' },
    ],
    [
      { title: 'The Matrix', altTitles: [], people: [], body: [] },
      { title: 'the matrix', alt: 'matrix', people: '', body: '' },
    ],
    [
      {
        title: 'Amélie',
        altTitles: ['Le Fabuleux Destin d’Amélie Poulain'],
        people: ['Audrey Tautou'],
        body: ['Paris, 1997.'],
      },
      {
        title: 'amelie',
        alt: 'amelie le fabuleux destin damelie poulain amelie',
        people: 'audrey tautou',
        body: 'paris 1997',
      },
    ],
  ])('%p', (doc, cols) => expect(ftsColumns(doc)).toEqual(cols));
});
