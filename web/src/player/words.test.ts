// Table tests of the player's pure pieces: modes and reasons in words, status line, track labels, episode codes,
// the subtitle cycle of the C key and the menus built from a session.
import { describe, expect, test } from 'bun:test';
import type { Session } from './session.ts';
import { menuItems, nextSubtitle } from './tracks.ts';
import { describeMode, episodeCode, languageName, QUALITIES, statusLine, trackLabel } from './words.ts';

describe('describeMode', () => {
  test.each([
    ['direct', [], 'Direct play'],
    ['remux', ['ContainerNotSupported'], 'Direct stream: this browser cannot open the file’s container'],
    [
      'transcode',
      ['ContainerBitrateExceedsLimit', 'AudioTrackSelectionNotSupported'],
      'Transcoding: the file’s bitrate is above the chosen quality; the chosen audio track is not the file’s first one',
    ],
    ['transcode', ['SomethingNew'], 'Transcoding: SomethingNew'],
  ] as const)('%s %p → %s', (mode, reasons, text) => {
    expect(describeMode(mode, [...reasons])).toBe(text);
  });
});

test.each([
  ['direct', [], null, 0, 'Direct play'],
  ['transcode', [], 240, 65.4, 'Transcoding · 240p · from 1:05'],
  ['remux', [], 1080, 0.5, 'Direct stream'],
] as const)('statusLine(%s, %p, %p, %p) → %s', (mode, reasons, height, start, text) => {
  expect(statusLine(mode, [...reasons], height, start)).toBe(text);
});

test.each([
  ['fre', 'French'],
  ['eng', 'English'],
  ['pt-BR', 'Brazilian Portuguese'],
  [null, null],
])('languageName(%p) → %p', (code, name) => {
  expect(languageName(code)).toBe(name);
});

test.each([
  ['French · AAC stereo', { language: 'fre', title: null, codec: 'aac', channels: 2 }, 0],
  ['Commentary · AC3 5.1', { language: 'eng', title: 'Commentary', codec: 'ac3', channels: 6 }, 1],
  ['English (SDH)', { language: 'eng', title: null, codec: 'srt', sdh: true, forced: false }, 0],
  ['Track 3 (forced)', { language: null, title: null, codec: null, forced: true }, 2],
])('trackLabel gives "%s"', (label, track, i) => {
  expect(trackLabel(track, i)).toBe(label);
});

test.each([
  [1, 2, null, 'S01E02'],
  [10, 3, 4, 'S10E03–E04'],
  [0, 1, 1, 'S00E01'],
  [null, 2, null, null],
])('episodeCode(%p, %p, %p) → %p', (s, e, end, code) => {
  expect(episodeCode(s, e, end)).toBe(code);
});

test.each([
  [['a', 'b'], null, 'a'],
  [['a', 'b'], 'a', 'b'],
  [['a', 'b'], 'b', null],
  [['a', 'b'], 'gone', null],
  [[], null, null],
] as const)('nextSubtitle(%p, %p) → %p', (ids, current, next) => {
  expect(nextSubtitle([...ids], current)).toBe(next);
});

describe('menuItems', () => {
  const session = {
    tracks: {
      audio: [
        {
          id: 'a1',
          language: 'eng',
          title: null,
          codec: 'aac',
          channels: 2,
          isDefault: true,
          selected: false,
        },
        {
          id: 'a2',
          language: 'fre',
          title: null,
          codec: 'aac',
          channels: 2,
          isDefault: false,
          selected: true,
        },
      ],
      subtitles: [
        { id: 's1', language: 'eng', title: null, codec: 'srt', forced: false, sdh: false, external: true },
      ],
    },
  } as unknown as Session;

  test('mark the selected audio, the shown subtitle (or Off) and the chosen quality', () => {
    const items = menuItems(session, 's1', QUALITIES[2]);
    expect(items.audio.map((i) => [i.label, i.checked])).toEqual([
      ['English · AAC stereo', false],
      ['French · AAC stereo', true],
    ]);
    expect(items.subtitles.map((i) => [i.id, i.checked])).toEqual([
      ['off', false],
      ['s1', true],
    ]);
    expect(items.quality.filter((q) => q.checked).map((q) => q.id)).toEqual(['720p']);
    expect(menuItems(session, null, QUALITIES[0]).subtitles[0]).toMatchObject({ id: 'off', checked: true });
  });

  test('offer no audio menu for a single track and no subtitle menu without subtitles', () => {
    const one = { tracks: { audio: [session.tracks.audio[0]], subtitles: [] } } as unknown as Session;
    const items = menuItems(one, null, QUALITIES[0]);
    expect(items.audio).toEqual([]);
    expect(items.subtitles).toEqual([]);
  });
});
