// Table tests of the library grid's choices: decades back to the 1900s, filters read from the URL, and the list
// query each combination asks for.
import { describe, expect, test } from 'bun:test';
import { decadeOptions, isFiltered, listQuery, readFilters } from './filters.ts';

describe('decadeOptions', () => {
  test('runs from this decade back to the 1900s, so old films have a decade too', () => {
    const values = decadeOptions(2026).map(([v]) => v);
    expect(values.slice(0, 3)).toEqual(['', '2020', '2010']);
    expect(values).toContain('1940');
    expect(values.at(-1)).toBe('1900');
    expect(decadeOptions(2030)[1]).toEqual(['2030', '2030s']);
  });
});

describe('listQuery', () => {
  test.each([
    ['', 'library=L&sort=title&order=asc&limit=40'],
    ['?sort=runtime', 'library=L&sort=runtime&order=desc&limit=40'],
    ['?sort=year&decade=1940', 'library=L&sort=year&order=desc&limit=40&yearFrom=1940&yearTo=1949'],
    [
      '?resolution=2160p&watched=false',
      'library=L&sort=title&order=asc&limit=40&watched=false&resolution=2160p',
    ],
    ['?genre=crime&decade=19x0', 'library=L&sort=title&order=asc&limit=40&genre=crime'],
  ])('%s → %s', (url, query) => {
    expect(listQuery('L', readFilters(new URLSearchParams(url)), 40, null)).toBe(query);
  });

  test('the next page carries the cursor', () => {
    expect(listQuery('L', readFilters(new URLSearchParams()), 40, 'c=1')).toEndWith('&cursor=c%3D1');
  });
});

describe('isFiltered', () => {
  test.each([
    ['', false],
    ['?sort=year', false],
    ['?resolution=sd', true],
    ['?decade=1990', true],
    ['?watched=true', true],
    ['?genre=drama', true],
  ])('%s → %p', (url, filtered) => {
    expect(isFiltered(readFilters(new URLSearchParams(url)))).toBe(filtered);
  });
});
