// Table tests for highlight ranges over original text (diacritics, prefixes, apostrophes) and snippets.
import { describe, expect, test } from 'bun:test';
import { highlightRanges, type Matcher, snippet } from './highlight.ts';

const m = (words: string[], prefixes: string[] = []): Matcher => ({ words: new Set(words), prefixes });
const marked = (text: string, matcher: Matcher) =>
  highlightRanges(text, matcher).map((r) => text.slice(r.start, r.end));

describe('highlightRanges', () => {
  test.each([
    ['The Matrix', m(['matrix']), ['Matrix']],
    ['The Matrix Reloaded', m(['the'], ['rel']), ['The', 'Rel']],
    ['Amélie', m(['amelie']), ['Amélie']],
    ['Amélie Poulain', m([], ['ame']), ['Amé']],
    ['Straße', m([], ['stras']), ['Straß']],
    ["Schindler's List", m(['schindlers']), ["Schindler's"]],
    ['Breaking Bad', m(['breaking', 'bad']), ['Breaking', 'Bad']],
    ['Breaking Bad', m(['matrix']), []],
    ['Interstellar', m(['intersteller', 'interstellar'], ['intersteller']), ['Interstellar']],
  ])('%p', (text, matcher, out) => expect(marked(text, matcher)).toEqual(out));

  test('ranges are UTF-16 offsets into the original text', () => {
    expect(highlightRanges('Léon 🎬 Léon', m(['leon']))).toEqual([
      { start: 0, end: 4 },
      { start: 8, end: 12 },
    ]);
  });
});

describe('snippet', () => {
  const long = `${'word '.repeat(40)}target ${'tail '.repeat(40)}`.trim();
  test('short text is returned whole', () => {
    expect(snippet('short text', [{ start: 0, end: 5 }])).toEqual({
      text: 'short text',
      ranges: [{ start: 0, end: 5 }],
    });
  });
  test('long text is cut around the first match and keeps the range on the same word', () => {
    const at = long.indexOf('target');
    const s = snippet(long, [{ start: at, end: at + 6 }], 60);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(62);
    expect(s.ranges.map((r) => s.text.slice(r.start, r.end))).toEqual(['target']);
  });
});
