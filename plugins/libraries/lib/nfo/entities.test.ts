// Table tests for character reference decoding.

import { describe, expect, test } from 'bun:test';
import { decodeEntities } from './entities.ts';

describe('decodeEntities', () => {
  test.each([
    ['Fast &amp; Furious', 'Fast & Furious'],
    ['&lt;b&gt; &quot;x&quot; &apos;y&apos;', '<b> "x" \'y\''],
    ['Am&#233;lie', 'Amélie'],
    ['Am&#xE9;lie', 'Amélie'],
    ['L&eacute;on &ndash; &hellip;', 'Léon – …'],
    ['&Uuml;ber&nbsp;uns', 'Über\u00a0uns'],
    ['&notanentity; stays', '&notanentity; stays'],
    ['&#0; and &#xD800; stay', '&#0; and &#xD800; stay'],
    ['no references', 'no references'],
  ])('%p → %p', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });
});
