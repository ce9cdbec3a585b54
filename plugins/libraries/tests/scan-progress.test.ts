// How a first scan reports its progress while it walks a library whose walk outlasts the writing (every title folder
// holds empty folders too): progress stays 0 while the number of files is unknown, but the counts tell how many
// files were found and how many of them are dealt with; progress never goes back and is 1 with every file processed
// from finalizing on — in the scanner's own reports, on the event bus and in GET /v1/libraries/:id. A rescan, which
// writes only after its walk, tells during the walk how many files it found and found unchanged.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { TestHost } from '@bijou/sdk/testing';
import { scanLibrary } from '../services/scanner.ts';
import { mkdir, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, startScan, waitForScan } from './harness.ts';

type BusEvent = Parameters<Parameters<TestHost['core']['bus']['tap']>[0]>[0];
interface Report {
  phase: string;
  progress: number;
  counts: { files: number; processed: number; added: number };
}

const COUNT = 1500;
let b: Booted;

/** A movie library of COUNT titles, each folder with eight empty folders beside its video. */
async function libraryTree(): Promise<string> {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++)
    files[`Film ${i} (${1950 + (i % 70)})/Film ${i} (${1950 + (i % 70)}).mkv`] = '';
  await writeTree(root, files);
  for (let i = 0; i < COUNT; i++)
    for (let j = 0; j < 8; j++) mkdir(root, `Film ${i} (${1950 + (i % 70)})/Notes ${j}`);
  return root;
}

/** What every sequence of reports of a first scan of the tree must show, however the walk and the writing interleave. */
function expectHonest(reports: Report[]): void {
  expect(reports[0]).toMatchObject({ phase: 'walking', progress: 0 });
  expect(reports.at(-1)).toMatchObject({
    phase: 'done',
    progress: 1,
    counts: { files: COUNT, processed: COUNT, added: COUNT },
  });
  for (const [i, r] of reports.entries()) {
    expect(r.counts.processed).toBeLessThanOrEqual(r.counts.files);
    if (r.phase === 'walking') expect(r.progress).toBe(0);
    if (r.phase === 'finalizing') expect(r).toMatchObject({ progress: 1, counts: { processed: COUNT } });
    const before = reports[i - 1];
    if (!before) continue;
    expect(r.progress).toBeGreaterThanOrEqual(before.progress);
    expect(r.counts.files).toBeGreaterThanOrEqual(before.counts.files);
    expect(r.counts.processed).toBeGreaterThanOrEqual(before.counts.processed);
  }
}

beforeAll(async () => {
  b = await boot({ probe: false });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

/** Scans `root` as library `lib` with the scanner itself, every report it makes kept. */
async function reportedScan(lib: string, root: string): Promise<Report[]> {
  const reports: Report[] = [];
  await scanLibrary(
    b.h.core.sqlite,
    { id: lib, kind: 'movies', paths: [root] },
    {
      signal: new AbortController().signal,
      warn: () => {},
      progress: (phase, progress, counts) => reports.push({ phase, progress, counts: { ...counts } }),
    },
  );
  return reports;
}

test("the scanner's reports while walking count the files found and processed, at progress 0", async () => {
  const root = await libraryTree();
  const lib = await createLibrary(b, 'movies', [root], 'Reported');
  const reports = await reportedScan(lib, root);
  expectHonest(reports);
  // Titles are written while the walk goes on: the reports then say so, with more files found each time.
  const walking = reports.filter((r) => r.phase === 'walking' && r.counts.processed > 0);
  expect(walking.length).toBeGreaterThanOrEqual(3);
  expect(new Set(walking.map((r) => r.counts.files)).size).toBeGreaterThanOrEqual(3);
  expect(walking.at(-1)!.counts.files).toBeLessThan(COUNT);
  expect(walking.every((r) => r.counts.added === r.counts.processed)).toBe(true);
});

test('a rescan reports while it walks: the files found so far, all unchanged, at progress 0', async () => {
  const root = await libraryTree();
  const lib = await createLibrary(b, 'movies', [root], 'Rescanned');
  await reportedScan(lib, root);
  const reports = await reportedScan(lib, root);
  const walking = reports.filter((r) => r.phase === 'walking' && r.counts.files > 0);
  expect(new Set(walking.map((r) => r.counts.files)).size).toBeGreaterThanOrEqual(3);
  expect(walking.every((r) => r.progress === 0 && r.counts.processed === r.counts.files)).toBe(true);
  expect(walking[0].counts.files).toBeLessThan(COUNT);
  expect(reports.at(-1)).toMatchObject({
    phase: 'done',
    progress: 1,
    counts: { files: COUNT, processed: COUNT },
  });
});

test('the bus and the library tell the same: never back, every file processed at the end', async () => {
  const root = await libraryTree();
  const lib = await createLibrary(b, 'movies', [root], 'Published');
  const events: BusEvent[] = [];
  const untap = b.h.core.bus.tap((e) => {
    if (e.name === 'libraries.scan.progressed' && (e.payload as { libraryId: string }).libraryId === lib)
      events.push(e);
  });
  try {
    const jobId = await startScan(b, lib);
    const status = await waitForScan(b, lib, jobId);
    expect(status).toMatchObject({ state: 'idle', phase: 'done', progress: 1 });
    expect(status.counts).toMatchObject({ files: COUNT, processed: COUNT });
    const job = await get(b, `/v1/jobs/runs/${jobId}`);
    expect(job.note).toBe(`done: ${COUNT} files found, ${COUNT} processed`);
  } finally {
    untap();
  }
  expectHonest(events.map((e) => e.payload as Report));
});
