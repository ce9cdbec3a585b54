// Probing real generated media after a scan: codecs, sizes, durations, audio and subtitle tracks (embedded
// and sidecar, in file stats and details), HDR10 detection, library statistics, and no probe work for a rescan that changes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { ItemDetail } from '../model.ts';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, movieTitled, scan } from './harness.ts';

let b: Booted;
let root: string;
let lib: string;

beforeAll(async () => {
  b = await boot();
  root = tempDir();
  await writeTree(root, {
    'Tiny (2001)/Tiny (2001).mp4': { media: 'h264' },
    'Two Tongues (2002)/Two Tongues (2002).mkv': { media: 'hevc' },
    'Bright (2003)/Bright (2003).mkv': { media: 'hdr' },
    'Subbed (2004)/Subbed (2004).mp4': { media: 'h264' },
    'Subbed (2004)/Subbed (2004).en.forced.srt': '1\n00:00:00,000 --> 00:00:00,500\nHi\n',
    'Empty (2005)/Empty (2005).mkv': '',
  });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib, { probe: true });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const statsOf = async (title: string) => {
  const m = await movieTitled(b, title);
  const { items } = await get(b, `/v1/movies/${m.id}/file-stats`);
  expect(items).toHaveLength(1);
  return items[0];
};

describe('file stats', () => {
  test('an H.264 MP4 reports h264, its frame size, about one second and one AAC track', async () => {
    const f = await statsOf('Tiny');
    expect(f).toMatchObject({
      path: join(root, 'Tiny (2001)/Tiny (2001).mp4'),
      container: 'mp4',
      probed: true,
      probeError: null,
      videoCodec: 'h264',
      width: 64,
      height: 48,
      frameRate: 10,
      hdr: null,
    });
    expect(f.durationSeconds).toBeGreaterThan(0.8);
    expect(f.durationSeconds).toBeLessThan(2.5);
    expect(f.bitrate).toBeGreaterThan(0);
    expect(f.tracks.map((t: any) => [t.kind, t.codec, t.external])).toEqual([
      ['video', 'h264', false],
      ['audio', 'aac', false],
    ]);
  });

  test('an HEVC MKV reports hevc, two audio languages (one default) and its embedded subtitle', async () => {
    const f = await statsOf('Two Tongues');
    expect(f).toMatchObject({ videoCodec: 'hevc', container: 'mkv', width: 64, height: 48, hdr: null });
    const audio = f.tracks.filter((t: any) => t.kind === 'audio');
    expect(audio.map((t: any) => [t.codec, t.language, t.default])).toEqual([
      ['aac', 'eng', true],
      ['aac', 'fre', false],
    ]);
    const subs = f.tracks.filter((t: any) => t.kind === 'subtitle');
    expect(subs.map((t: any) => [t.codec, t.language, t.forced, t.external])).toEqual([
      ['subrip', 'eng', true, false],
    ]);
  });

  test('the audio and subtitle routes list the same embedded tracks', async () => {
    const m = await movieTitled(b, 'Two Tongues');
    const audio = await get(b, `/v1/audio/${m.id}`);
    expect(audio.items.map((t: any) => t.language)).toEqual(['eng', 'fre']);
    const subs = await get(b, `/v1/subtitles/${m.id}`);
    expect(subs.items.map((t: any) => [t.language, t.streamIndex])).toEqual([['eng', 3]]);
  });

  test("a movie's detail carries each file's probe facts and tracks, as file stats give them", async () => {
    const m = await movieTitled(b, 'Subbed');
    const detail = await get(b, `/v1/movies/${m.id}`);
    expect(detail.files).toEqual([await statsOf('Subbed')]);
    expect(detail.files[0].tracks.map((t: any) => [t.kind, t.external])).toEqual([
      ['video', false],
      ['audio', false],
      ['subtitle', true],
    ]);
    expect([...Value.Errors(ItemDetail, detail)].map((e) => e.path)).toEqual([]);
  });

  test('a 10-bit HEVC file with PQ transfer and BT.2020 is HDR10', async () => {
    const f = await statsOf('Bright');
    expect(f).toMatchObject({ videoCodec: 'hevc', hdr: 'HDR10', videoProfile: 'Main 10' });
  });

  test('a sidecar .en.forced.srt is an external forced English subtitle beside embedded tracks', async () => {
    const f = await statsOf('Subbed');
    const external = f.tracks.filter((t: any) => t.external);
    expect(external).toHaveLength(1);
    expect(external[0]).toMatchObject({
      kind: 'subtitle',
      codec: 'srt',
      language: 'eng',
      forced: true,
      default: false,
      sdh: false,
      streamIndex: null,
    });
    expect(f.tracks.filter((t: any) => !t.external).map((t: any) => t.kind)).toEqual(['video', 'audio']);
  });

  test('a file ffprobe cannot read is probed with an error and no codec, and stays listed', async () => {
    const f = await statsOf('Empty');
    expect(f.probed).toBe(true);
    expect(f.videoCodec).toBeNull();
    expect(typeof f.probeError).toBe('string');
    expect(f.probeError.length).toBeGreaterThan(0);
  });
});

describe('library statistics', () => {
  test('stats count present main files by codec, resolution, HDR type and container', async () => {
    const s = await get(b, `/v1/libraries/${lib}/stats`);
    expect(s).toMatchObject({
      libraryId: lib,
      items: { movie: 5 },
      missingItems: 0,
      byCodec: { h264: 2, hevc: 2, unknown: 1 },
      byResolution: { sd: 4, unknown: 1 },
      byHdr: { sdr: 3, HDR10: 1, unknown: 1 },
      byContainer: { mp4: 2, mkv: 3 },
    });
    expect(s.totalFiles).toBe(5);
    expect(s.totalSizeBytes).toBeGreaterThan(10_000);
  });

  test('list filters by codec and HDR use the probe results', async () => {
    const hevc = await get(b, '/v1/movies?codec=HEVC');
    expect(hevc.items.map((m: any) => m.title).sort()).toEqual(['Bright', 'Two Tongues']);
    const hdr = await get(b, '/v1/movies?hdr=hdr10');
    expect(hdr.items.map((m: any) => m.title)).toEqual(['Bright']);
    const sdr = await get(b, '/v1/movies?hdr=sdr');
    expect(sdr.items.map((m: any) => m.title).sort()).toEqual(['Subbed', 'Tiny', 'Two Tongues']);
    const spaced = await get(
      b,
      `/v1/movies?codec=${encodeURIComponent(' hevc ')}&hdr=${encodeURIComponent(' HDR10')}`,
    );
    expect(spaced.items.map((m: any) => m.title)).toEqual(['Bright']);
  });
});

describe('rescans', () => {
  test('a rescan with no changes enqueues no probe work and keeps every probe key', async () => {
    const queue = () =>
      b.h.core.sqlite
        .query<{ id: string; state: string; updated_at: string }, []>(
          `SELECT id, state, updated_at FROM core_queue_items WHERE queue = 'libraries.probe' ORDER BY id`,
        )
        .all();
    const keys = () =>
      b.h.core.sqlite
        .query<{ id: string; probe_key: string | null }, []>(
          'SELECT id, probe_key FROM libraries_files ORDER BY id',
        )
        .all();
    const queueBefore = queue();
    const keysBefore = keys();
    expect(queueBefore).toHaveLength(5);
    expect(queueBefore.every((q) => q.state === 'done')).toBe(true);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ unchanged: 5, updated: 0, added: 0 });
    expect(b.h.core.queue.stats('libraries.probe')['libraries.probe']).toMatchObject({
      pending: 0,
      running: 0,
    });
    expect(queue()).toEqual(queueBefore);
    expect(keys()).toEqual(keysBefore);
  });
});
