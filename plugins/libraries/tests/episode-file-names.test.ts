// Episode files whose title ends in dots (`Cat's in the Bag....mkv`, `…9 00 A.M..mkv`): videos like any other, read
// with their NFO and sidecar subtitles (the walk took the name for one without an extension and skipped it).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

const SEASON = 'Breaking Bad (2008)/Season 01';

let b: Booted;
let firstScan: any;
let showId: string;

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = await writeTree(tempDir(), {
    [`${SEASON}/Breaking Bad - S01E01 - Pilot.mkv`]: '',
    [`${SEASON}/Breaking Bad - S01E02 - Cat's in the Bag....mkv`]: '',
    [`${SEASON}/Breaking Bad - S01E02 - Cat's in the Bag....nfo`]:
      '<episodedetails><title>Cat&apos;s in the Bag...</title><aired>2008-01-27</aired></episodedetails>',
    [`${SEASON}/Breaking Bad - S01E02 - Cat's in the Bag....en.srt`]:
      '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
    [`${SEASON}/Breaking Bad - S01E03 - Day 2 8 00 A.M.-9 00 A.M..mkv`]: '',
  });
  const libraryId = await createLibrary(b, 'shows', [root]);
  firstScan = await scan(b, libraryId);
  showId = (await listAll(b, '/v1/shows'))[0].id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

describe('an episode title ending in dots', () => {
  test('is a video the scan adds', async () => {
    expect(firstScan.counts).toMatchObject({ files: 3, added: 3, unmatched: 0, errors: 0 });
    const list = (await get(b, `/v1/shows/${showId}/seasons/1/episodes`)).items;
    expect(list.map((e: any) => [e.episodeNumber, e.files[0].container])).toEqual([
      [1, 'mkv'],
      [2, 'mkv'],
      [3, 'mkv'],
    ]);
  });

  test('is read with its NFO and its subtitle sidecar', async () => {
    const e = await get(b, `/v1/shows/${showId}/seasons/1/episodes/2`);
    expect([e.title, e.airDate, e.match.method]).toEqual(["Cat's in the Bag...", '2008-01-27', 'nfo']);
    const subs = (await get(b, `/v1/subtitles/${e.id}`)).items;
    expect(subs.map((s: any) => [s.language, s.external])).toEqual([['eng', true]]);
  });
});
