// Table tests for stream details: dropping undefined facts, and streams read from <fileinfo><streamdetails>.
import { describe, expect, test } from 'bun:test';
import { compact, readStreamDetails } from './stream-details.ts';
import { parseElement, type XmlNode } from './xml-tree.ts';

describe('compact', () => {
  test.each([
    [
      { codec: 'h264', aspect: undefined, width: 1920 },
      { codec: 'h264', width: 1920 },
    ],
    [{ a: undefined }, undefined],
    [{}, undefined],
    [{ language: 'eng' }, { language: 'eng' }],
  ])('%p → %p', (value, expected) => {
    const out = compact(value);
    expect(out).toEqual(expected as never);
    if (out) expect(Object.keys(out)).toEqual(Object.keys(expected as object));
  });
});

describe('readStreamDetails', () => {
  const details = (inner: string) => {
    const parsed = parseElement(
      `<movie><fileinfo><streamdetails>${inner}</streamdetails></fileinfo></movie>`,
      'movie',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    return readStreamDetails(parsed.node as XmlNode);
  };
  test.each([
    ['<video><aspect>16:9</aspect></video>', { video: [{ aspect: 1.78 }], audio: [], subtitles: [] }],
    [
      '<video><aspect>2.350000</aspect><codec>HEVC</codec></video>',
      { video: [{ codec: 'hevc', aspect: 2.35 }], audio: [], subtitles: [] },
    ],
    [
      '<video><aspect>x</aspect></video><audio/><subtitle><language>ENG</language></subtitle>',
      { video: [], audio: [], subtitles: [{ language: 'eng' }] },
    ],
    ['<video/>', undefined],
  ])('%p → %p', (inner, expected) => expect(details(inner)).toEqual(expected as never));
});
