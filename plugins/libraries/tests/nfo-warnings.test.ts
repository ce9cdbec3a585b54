// NFO problems reach the log: an NFO that was repaired (truncated, not well-formed) is read for what it holds and
// the repair is logged with the file; an unusable one (too large to read, a named pipe) is logged as ignored. Movies,
// episodes and tvshow.nfo alike.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;
beforeAll(async () => {
  b = await boot({ probe: false });
  const movies = tempDir();
  await writeTree(movies, {
    'Partial (2011)/Partial (2011).mkv': '',
    'Partial (2011)/movie.nfo':
      '<movie>\n  <title>Partial NFO</title>\n  <genre>Drama</genre>\n  <plot>cut o',
    'Huge (2012)/Huge (2012).mkv': '',
    // Over the 4 MiB cap: a misnamed video or garbage, never read whole.
    'Huge (2012)/movie.nfo': `<movie><title>Huge NFO</title><plot>${'x'.repeat(5 * 1024 * 1024)}</plot></movie>`,
  });
  // A named pipe called movie.nfo that nothing writes to: opening it must not hang the scan.
  await writeTree(movies, { 'Piped (2013)/Piped (2013).mkv': '' });
  expect(Bun.spawnSync(['mkfifo', `${movies}/Piped (2013)/movie.nfo`]).exitCode).toBe(0);
  await scan(b, await createLibrary(b, 'movies', [movies]));
  const shows = tempDir();
  await writeTree(shows, {
    'Lost (2004)/tvshow.nfo': '<tvshow><title>Lost NFO</title><genre>Drama</genre>',
    'Lost (2004)/Season 01/Lost - S01E01.mkv': '',
    'Lost (2004)/Season 01/Lost - S01E01.nfo': '<episodedetails><title>Pilot</title><plot>x',
  });
  await scan(b, await createLibrary(b, 'shows', [shows]));
});
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const logged = (file: string) =>
  b.h.logs.filter((l) => l.includes('malformed NFO') && l.includes(file) && !l.includes('(ignored)'));

test('a truncated movie NFO gives its complete elements and the repair is logged', async () => {
  const m = await movieTitled(b, 'Partial NFO');
  expect(m.match.method).toBe('nfo');
  expect(m.genres).toEqual(['Drama']);
  expect(logged('movie.nfo').join('\n')).toContain('no closing tag');
});

test('an NFO over 4 MiB is not read: the movie goes by its file name and the NFO is logged as ignored', async () => {
  const m = await movieTitled(b, 'Huge');
  expect([m.year, m.match.method]).toEqual([2012, 'filename']);
  const ignored = b.h.logs.filter((l) => l.includes('malformed NFO') && l.includes('Huge (2012)'));
  expect(ignored.join('\n')).toContain('movie.nfo: unreadable (ignored)');
});

test('a named pipe called movie.nfo is logged as ignored and the movie goes by its file name', async () => {
  const m = await movieTitled(b, 'Piped');
  expect([m.year, m.match.method]).toEqual([2013, 'filename']);
  const ignored = b.h.logs.filter((l) => l.includes('malformed NFO') && l.includes('Piped (2013)'));
  expect(ignored.join('\n')).toContain('movie.nfo: unreadable (ignored)');
});

test('a truncated tvshow.nfo and episode NFO are read for what they hold, each repair logged', async () => {
  const [show] = await listAll(b, '/v1/shows');
  expect(show.title).toBe('Lost NFO');
  expect(logged('tvshow.nfo')).not.toHaveLength(0);
  expect(logged('Lost - S01E01.nfo')).not.toHaveLength(0);
});
