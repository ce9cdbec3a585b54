// Relevance of the SQLite FTS5 engine on a fixture catalog: exact and prefix titles first, typos, accents,
// compounds, original titles, people, overview text and episodes, each query with its expected first results.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { insertLibrary, insertTitles } from './catalog.ts';
import { MOVIES, SHOWS } from './fixture.ts';
import { type Booted, boot, reindex, search, suggestions, titles } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot();
  insertTitles(b.h.core.sqlite, insertLibrary(b.h.core.sqlite, 'movies'), MOVIES);
  insertTitles(b.h.core.sqlite, insertLibrary(b.h.core.sqlite, 'shows'), SHOWS);
  await reindex(b);
});
afterAll(() => b.h.stop());

describe('first results', () => {
  test.each([
    ['exact title', 'Interstellar', ['Interstellar']],
    [
      'exact title without its article',
      'matrix',
      ['The Matrix', 'The Matrix Reloaded', 'The Matrix Revolutions'],
    ],
    ['title prefix', 'inter', ['Interstellar']],
    [
      'title prefix, shortest first',
      'the matr',
      ['The Matrix', 'The Matrix Reloaded', 'The Matrix Revolutions'],
    ],
    ['prefix of a later word', 'reloa', ['The Matrix Reloaded']],
    ['typo: missing letter', 'matrx', ['The Matrix']],
    ['typo: wrong vowel', 'intersteller', ['Interstellar']],
    ['typo in one of two words', 'breking bad', ['Breaking Bad']],
    ['typo: swapped letters', 'inceptoin', ['Inception']],
    ['case and accents ignored', 'AMELIE', ['Amélie']],
    ['accented query on plain index', 'Ïnterstellàr', ['Interstellar']],
    ['accent in title', 'leon', ['Léon: The Professional']],
    ['compound typed as one word', 'spiderman', ['Spider-Man']],
    ['compound typed as two words', 'spider man', ['Spider-Man']],
    ['original title', 'fabuleux destin', ['Amélie']],
    ['elided word of an original title', 'amelie poulain', ['Amélie']],
    ['person by first name, then their titles newest first', 'keanu', ['Keanu Reeves', 'John Wick']],
    ['person by last name', 'reeves', ['Keanu Reeves']],
    ['person with a typo', 'mcconaughy', ['Matthew McConaughey', 'Interstellar']],
    ['overview word', 'wormhole', ['Interstellar']],
    ['overview words', 'dream sharing', ['Inception']],
    ['episode title', 'ozymandias', ['Ozymandias']],
    ['show and episode words', 'breaking bad pilot', ['Pilot']],
    ['title and person words', 'keanu wick', ['John Wick']],
  ])('%s: %p', async (_name, q, first) => {
    expect((await titles(b, q)).slice(0, first.length)).toEqual(first);
  });
});

describe('ranking', () => {
  test('title matches come before people and overview matches', async () => {
    const items = (await search(b, { q: 'keanu' })).items;
    expect(items.map((i: any) => i.type)).toEqual(['person', 'movie', 'movie', 'movie', 'movie']);
  });

  test('an exact title beats a title that only starts with the query', async () => {
    expect((await titles(b, 'bluey'))[0]).toBe('Bluey');
  });

  test('scores never increase down the list', async () => {
    const scores = (await search(b, { q: 'matrix' })).items.map((i: any) => i.score);
    expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
    expect(scores[0]).toBe(1);
  });

  test('a query of punctuation only finds nothing', async () => {
    expect(await search(b, { q: '?!' })).toEqual({ items: [], nextCursor: null });
  });
});

describe('hits', () => {
  test('carry type, id, subtitle, year and the matched words of the title', async () => {
    const [hit] = (await search(b, { q: 'ozymandias' })).items;
    expect(hit).toMatchObject({
      type: 'episode',
      title: 'Ozymandias',
      subtitle: 'Breaking Bad · S05E14',
      highlight: { field: 'title', text: 'Ozymandias', ranges: [{ start: 0, end: 10 }] },
    });
    expect(hit.id).toHaveLength(7);
  });

  test('highlight a typo-corrected word in the original spelling', async () => {
    const [hit] = (await search(b, { q: 'amelei' })).items;
    expect(hit.highlight).toEqual({ field: 'title', text: 'Amélie', ranges: [{ start: 0, end: 6 }] });
  });

  test('highlight people when a person matched', async () => {
    const hit = (await search(b, { q: 'hathaway' })).items.find((i: any) => i.title === 'Interstellar');
    expect(hit.highlight).toEqual({
      field: 'people',
      text: 'Anne Hathaway',
      ranges: [{ start: 5, end: 13 }],
    });
  });

  test('highlight overview matches in a snippet', async () => {
    const [hit] = (await search(b, { q: 'wormhole' })).items;
    expect(hit.highlight.field).toBe('text');
    const r = hit.highlight.ranges[0];
    expect(hit.highlight.text.slice(r.start, r.end)).toBe('wormhole');
  });

  test('types narrows the result types', async () => {
    const items = (await search(b, { q: 'keanu', types: 'person' })).items;
    expect(items.map((i: any) => [i.type, i.title])).toEqual([['person', 'Keanu Reeves']]);
  });
});

describe('suggestions', () => {
  test.each([
    ['the ma', ['The Matrix', 'The Matrix Reloaded', 'The Matrix Revolutions']],
    ['matr', ['Matrimony', 'The Matrix', 'The Matrix Reloaded', 'The Matrix Revolutions']],
    ['intersteler', ['Interstellar']],
    ['tom h', ['Tom Hanks']],
  ])('%p → %p', async (q, expected) => {
    expect((await suggestions(b, q)).map((s) => s.text)).toEqual(expected);
  });

  test('are at most ten', async () => {
    expect((await suggestions(b, 'e')).length).toBeLessThanOrEqual(10);
  });
});
