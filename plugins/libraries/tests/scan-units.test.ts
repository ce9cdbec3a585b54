// How a walk's folders become units of work: a folder holding more titles than a unit takes (every movie side by side)
// is split over several units, so it is written in short transactions like any other; each unit carries the listing.
// The first unit is small and each one doubles the size up to the batch, so the writer starts early in the walk.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { WorkCollector } from '../services/scan-collect.ts';
import type { PlanUnit } from '../services/scan-plans.ts';
import { emptyCounts } from '../services/scanner.ts';
import type { StattedFolder } from '../services/walker.ts';
import { type Booted, boot } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
});
afterAll(() => b.h.stop());

test('450 movies side by side in one folder make units of 25, 50, 100, 200 and 75, each with the whole listing', () => {
  const root = '/media/movies';
  const names = Array.from({ length: 450 }, (_, i) => `Film ${i} (2000).mkv`);
  const files = [...names, ...names.map((n) => n.replace('.mkv', '-poster.jpg'))];
  const folder: StattedFolder = {
    dir: root,
    files,
    sig: 1,
    videos: names.map((name) => ({
      name,
      path: `${root}/${name}`,
      rel: name,
      size: 1,
      mtimeMs: 1,
      extra: false,
    })),
  };
  const units: PlanUnit[] = [];
  const c = new WorkCollector(
    b.h.core.sqlite,
    { id: 'no-such-library', kind: 'movies' },
    { force: false, batch: 200, counts: emptyCounts() },
    (u) => units.push(u),
  );
  c.visit(root, folder);
  c.flush();
  expect(units.map((u) => u.files.length)).toEqual([25, 50, 100, 200, 75]);
  expect(units.every((u) => u.listings.length === 1 && u.listings[0][1] === files)).toBe(true);
  expect(units.flatMap((u) => u.files.map((w) => w.name))).toEqual(names);
});
