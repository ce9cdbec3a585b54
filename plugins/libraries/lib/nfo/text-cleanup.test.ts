// Table tests for charset repairs and control-character cleanup before XML parsing.

import { describe, expect, test } from 'bun:test';
import { cleanNfoText, isPlainText, remapC1Controls, repairMojibake } from './text-cleanup.ts';

const latin1 = (text: string) => new TextDecoder('latin1').decode(new TextEncoder().encode(text));

describe('repairMojibake', () => {
  test.each([
    ['UTF-8 read as Windows-1252', latin1('Amélie – “Paris”'), 'Amélie – “Paris”'],
    ['already correct Latin-1 text', 'Amélie', undefined],
    ['plain ASCII', 'The Matrix', undefined],
    ['mixed correct and broken text', `Amélie ${latin1('Amélie')}`, undefined],
  ])('%s', (_name, text, expected) => {
    expect(repairMojibake(text)).toBe(expected);
  });
});

describe('remapC1Controls', () => {
  test.each([
    ['\u0092 as right quote', 'Mathilda\u0092s', 'Mathilda’s'],
    ['\u0096 as en dash', 'a \u0096 b', 'a – b'],
    ['\u0085 as ellipsis', 'so\u0085', 'so…'],
  ])('maps %s', (_name, text, expected) => {
    expect(remapC1Controls(text)).toBe(expected);
  });
});

describe('cleanNfoText', () => {
  test.each([
    ['strips a BOM', '\ufeff<movie/>', '<movie/>', []],
    ['normalises CRLF', '<a>\r\nb\r\n</a>', '<a>\nb\n</a>', []],
    ['drops XML-illegal controls', '<a>x\u0001y\u0000</a>', '<a>xy</a>', ['removed control characters']],
    ['flags U+FFFD', '<a>L\ufffdon</a>', '<a>L\ufffdon</a>', ['U+FFFD']],
    ['leaves plain ASCII with tabs and line feeds as it is', '<a>\tx\n~ </a>', '<a>\tx\n~ </a>', []],
    ['still strips a BOM before plain text', '\ufeffplain', 'plain', []],
    ['still normalises a lone CR in plain text', '<a>x\ry</a>', '<a>x\ny</a>', []],
  ])('%s', (_name, input, text, noteFragments) => {
    const cleaned = cleanNfoText(input);
    expect(cleaned.text).toBe(text);
    expect(cleaned.notes).toHaveLength(noteFragments.length);
    for (const [i, fragment] of noteFragments.entries()) expect(cleaned.notes[i]).toContain(fragment);
  });
});

describe('isPlainText', () => {
  test.each([
    ['<movie>\n\t<title>A &amp; B ~</title>\n</movie>', true],
    ['', true],
    ['a\r\nb', false],
    ['a\u0000b', false],
    ['a\u000bb', false],
    ['a\u001fb', false],
    ['a\u007fb', false],
    ['café', false],
    ['a\u0085', false],
    ['\ufeff<movie/>', false],
    ['\ud800', false],
    ['😀', false],
  ])('%p → %p', (text, expected) => {
    expect(isPlainText(text)).toBe(expected);
    expect(isPlainText(text)).toBe(/^[\t\n -~]*$/.test(text));
  });
});
