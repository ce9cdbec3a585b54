// Table tests of the note a file's details carry about its analysis: until ffprobe has read the file, when it
// could not, and none once its facts are known.
import { expect, test } from 'bun:test';
import { analysisNote } from './file-details.ts';

test.each([
  [
    'not probed yet',
    { probed: false, probeError: null },
    'Not analysed yet: codecs, resolution and duration appear once the server has read the file.',
  ],
  ['probed', { probed: true, probeError: null }, null],
  [
    'probed with an error',
    { probed: true, probeError: 'Invalid data' },
    'Could not be analysed: Invalid data',
  ],
] as const)('%s → %p', (_, file, note) => {
  expect(analysisNote(file)).toBe(note);
});
