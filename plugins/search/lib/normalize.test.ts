// Table tests for search text folding: case, diacritics, special letters, apostrophes, acronyms, compounds.
import { describe, expect, test } from 'bun:test';
import { compoundsOf, fold, tokensOf, withoutArticle } from './normalize.ts';

describe('fold', () => {
  test.each([
    ['The Matrix', 'the matrix'],
    ['Amélie', 'amelie'],
    ['LÉON: The Professional', 'leon the professional'],
    ['Straße', 'strasse'],
    ['Æon Flux', 'aeon flux'],
    ['Øresund', 'oresund'],
    ['Łódź', 'lodz'],
    ["Schindler's List", 'schindlers list'],
    ['Schindler’s List', 'schindlers list'],
    ['Fast & Furious', 'fast and furious'],
    ['Marvel’s Agents of S.H.I.E.L.D.', 'marvels agents of shield'],
    ['Dr.Who', 'dr who'],
    ['Spider-Man: No Way Home', 'spider man no way home'],
    ['  2001:  A Space   Odyssey ', '2001 a space odyssey'],
    ['Ōkami', 'okami'],
    ['ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
    ['千と千尋の神隠し', '千と千尋の神隠し'],
    ['!!!', ''],
    ['', ''],
  ])('%p → %p', (input, out) => expect(fold(input)).toBe(out));
});

describe('tokensOf', () => {
  test.each([
    ['The Matrix Reloaded', ['the', 'matrix', 'reloaded']],
    ['Amélie Poulain', ['amelie', 'poulain']],
    ['?', []],
  ])('%p → %p', (input, out) => expect(tokensOf(input)).toEqual(out));
});

describe('compoundsOf', () => {
  test.each([
    ['Spider-Man', ['spiderman']],
    ['WALL·E', ['walle']],
    ['X-Men: Days of Future Past', ['xmen']],
    ['The Matrix', []],
    ['Jean-Pierre Jeunet', ['jeanpierre']],
    ['Le Fabuleux Destin d’Amélie Poulain', ['amelie']],
    ["Schindler's List", ['schindler']],
  ])('%p → %p', (input, out) => expect(compoundsOf(input)).toEqual(out));
});

describe('withoutArticle', () => {
  test.each([
    ['the matrix', 'matrix'],
    ['le fabuleux destin', 'fabuleux destin'],
    ['a beautiful mind', 'beautiful mind'],
    ['the', 'the'],
    ['matrix', 'matrix'],
    ['theory of everything', 'theory of everything'],
  ])('%p → %p', (input, out) => expect(withoutArticle(input)).toBe(out));
});
