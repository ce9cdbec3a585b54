// Table tests of where playback starts: the resume point's own file resumes, other files start at 0, points
// without a (present) file belong to the first file, and watched or empty points resume nothing.
import { expect, test } from 'bun:test';
import { type ResumePoint, type ResumeTarget, resumeTarget } from './resume.ts';

const PARTS = [
  { id: 'p1', missing: false },
  { id: 'p2', missing: false },
];
const P2_GONE = [PARTS[0], { id: 'p2', missing: true }];
const at = (position: number, fileId: string | null, watched = false): ResumePoint => ({
  position,
  fileId,
  watched,
});
const go = (fileId: string | undefined, resumeAt: number): ResumeTarget => ({ fileId, resumeAt });

test.each([
  ['no point, nothing asked', null, PARTS, {}, go(undefined, 0)],
  ['in part 2, nothing asked: part 2 resumes', at(600, 'p2'), PARTS, {}, go('p2', 600)],
  ['in part 2, part 2 asked: it resumes', at(600, 'p2'), PARTS, { fileId: 'p2' }, go('p2', 600)],
  ['in part 2, part 1 asked: it starts at 0', at(600, 'p2'), PARTS, { fileId: 'p1' }, go('p1', 0)],
  [
    'in part 2, a position asked: the first file',
    at(600, 'p2'),
    PARTS,
    { startPosition: 0 },
    go(undefined, 0),
  ],
  ['in part 1, a position asked', at(60, 'p1'), PARTS, { startPosition: 5 }, go(undefined, 60)],
  ['no file recorded, nothing asked: the first file', at(90, null), PARTS, {}, go('p1', 90)],
  ['no file recorded, the first file asked', at(90, null), PARTS, { fileId: 'p1' }, go('p1', 90)],
  ['no file recorded, another file asked', at(90, null), PARTS, { fileId: 'p2' }, go('p2', 0)],
  ['in a file no longer the item’s: the first file', at(90, 'gone'), PARTS, {}, go('p1', 90)],
  ['in a file missing from disk: the first file', at(90, 'p2'), P2_GONE, {}, go('p1', 90)],
  ['watched: nothing resumes', at(90, 'p2', true), PARTS, {}, go(undefined, 0)],
  ['at 0: nothing resumes', at(0, 'p2'), PARTS, { fileId: 'p2' }, go('p2', 0)],
  ['an extra asked: it starts at 0', at(90, 'p1'), PARTS, { fileId: 'trailer' }, go('trailer', 0)],
  ['an item without files', at(90, null), [], {}, go(undefined, 0)],
] as const)('%s', (_, point, files, ask, target) => {
  expect(resumeTarget(point, files, ask)).toEqual(target);
});
