// TypeBox schemas of a library's scan status (`scan` of GET /v1/libraries/:id, the counts of the scan events). While
// the walk goes on the number of files is not known: `progress` stays 0 rather than guess, and the counts say how far
// the scan got (files found, of them processed); it never goes back and is 1 from finalizing on.
import { t } from '@bijou/sdk';

const NullableString = t.Union([t.String(), t.Null()]);

export const ScanCounts = t.Object({
  files: t.Number({ description: 'Video files found so far: all of them once the walk is over' }),
  processed: t.Number({
    description:
      'Of the files found, those dealt with so far: unchanged, written, or skipped (unmatched, errors); extras ' +
      'once attached. Equal to files from the finalizing phase on',
  }),
  unchanged: t.Number(),
  added: t.Number(),
  updated: t.Number(),
  extras: t.Number(),
  unmatched: t.Number(),
  missing: t.Number(),
  restored: t.Number(),
  removed: t.Number({ description: 'Items removed: every file they had now belongs to another item' }),
  errors: t.Number(),
});
export const ScanStatus = t.Object({
  state: t.Union([t.Literal('idle'), t.Literal('scanning'), t.Literal('failed'), t.Literal('cancelled')]),
  phase: t.Union([t.String({ description: 'walking, processing, finalizing or done' }), t.Null()]),
  progress: t.Number({
    description:
      'From 0 to 1 and never back: 0 while walking (the number of files is not known yet; counts.files and ' +
      'counts.processed say how far the scan got), then the share of the changed files written, 1 from finalizing on',
  }),
  startedAt: NullableString,
  finishedAt: NullableString,
  jobId: NullableString,
  counts: t.Union([ScanCounts, t.Null()]),
  error: NullableString,
});
