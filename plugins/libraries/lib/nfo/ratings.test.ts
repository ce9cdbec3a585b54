// Table tests for ratings: <ratings> entries, the legacy <rating>/<votes> pair and votes placement.
import { describe, expect, test } from 'bun:test';
import { readRatings, withVotes } from './ratings.ts';
import { parseElement, type XmlNode } from './xml-tree.ts';

describe('withVotes', () => {
  test('votes come last when known; the rating is kept as it is otherwise', () => {
    const rated = withVotes({ source: 'imdb', value: 8, max: 10, isDefault: true }, 12);
    expect(Object.keys(rated)).toEqual(['source', 'value', 'max', 'isDefault', 'votes']);
    expect(withVotes({ value: 8, max: 10, isDefault: true }, undefined)).toEqual({
      value: 8,
      max: 10,
      isDefault: true,
    });
  });
});

describe('readRatings', () => {
  const ratingsOf = (inner: string) => {
    const parsed = parseElement(`<movie>${inner}</movie>`, 'movie');
    if (!parsed.ok) throw new Error(parsed.error);
    return readRatings(parsed.node as XmlNode);
  };
  test.each([
    [
      '<ratings><rating name="IMDb" max="10" default="true"><value>8,5</value><votes>1.234</votes></rating></ratings>',
      [{ source: 'imdb', value: 8.5, max: 10, isDefault: true, votes: 1234 }],
    ],
    [
      '<ratings><rating name="x" max="5">4.5</rating><rating><value>0</value></rating></ratings>',
      [{ source: 'x', value: 4.5, max: 5, isDefault: false }],
    ],
    [
      '<ratings><rating><value>11</value></rating></ratings><rating>7</rating><votes>12 345</votes>',
      [{ value: 7, max: 10, isDefault: true, votes: 12345 }],
    ],
    ['<rating>0</rating>', []],
  ])('%p → %p', (inner, expected) => expect(ratingsOf(inner)).toEqual(expected));
});
