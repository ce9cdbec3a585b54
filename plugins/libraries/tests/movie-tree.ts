// The movie library the movie scan tests share: a tree of NFO, provider-id, file-name and malformed-NFO movies with
// extras, junk, versions, parts, an edition and a disc stub, plus a library of 25 plain titles for paging; both scanned.
import { movieNfo, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, scan } from './harness.ts';

const MATRIX_NFO = movieNfo({
  title: 'The Matrix',
  year: 1999,
  tmdb: '603',
  imdb: 'tt0133093',
  genres: ['Action', 'Science Fiction'],
  actors: [
    ['Keanu Reeves', 'Neo'],
    ['Laurence Fishburne', 'Morpheus'],
    ['Carrie-Anne Moss', 'Trinity'],
  ],
});

export interface MovieTree {
  b: Booted;
  root: string;
  libraryId: string;
  pagedLibrary: string;
  /** The first scan's result. */
  firstScan: any;
}

/** Boots a server without probing and scans both libraries. */
export async function bootMovieTree(): Promise<MovieTree> {
  const b = await boot({ probe: false });
  const root = tempDir();
  await writeTree(root, {
    'The Matrix (1999)/The Matrix (1999).mkv': 'x'.repeat(1234),
    'The Matrix (1999)/movie.nfo': MATRIX_NFO,
    'The Matrix (1999)/poster.jpg': 'not-really-a-jpeg',
    'The Matrix (1999)/The Matrix (1999)-trailer.mkv': 'trailer',
    'The Matrix (1999)/trailers/Teaser.mkv': 'teaser',
    'The Matrix (1999)/Featurettes/Making Of.mkv': 'making of',
    'Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv': '',
    'Up (2009)/Up (2009).mkv': '',
    'Up (2009)/sample.mkv': '',
    'Up (2009)/Sample/Up (2009).mkv': '',
    'Broken (2010)/Broken (2010).mkv': '',
    'Broken (2010)/Broken (2010).nfo': '<movie>\n  <title>Never fini',
    'Dune (2021)/Dune (2021) - 1080p.mkv': 'a',
    'Dune (2021)/Dune (2021) - 2160p.mkv': 'bb',
    'Kill Bill (2003)/Kill Bill (2003) - pt2.mkv': '',
    'Kill Bill (2003)/Kill Bill (2003) - pt1.mkv': '',
    'Blade Runner (1982)/Blade Runner (1982).mkv': '',
    'Blade Runner (1982) {edition-Final Cut}/Blade Runner (1982) {edition-Final Cut}.mkv': '',
    'Blade Runner (1982) {edition-Final Cut}/movie.nfo': movieNfo({ genres: ['Drama'] }),
    '@eaDir/Ghost (1990)/Ghost (1990).mkv': '',
    '.hidden/Secret (2002)/Secret (2002).mkv': '',
    'Junk (2003)/.Junk (2003).mkv': '',
    'Stub (2004)/Stub (2004).disc': '',
  });
  const libraryId = await createLibrary(b, 'movies', [root]);
  const firstScan = await scan(b, libraryId);

  const paged = tempDir();
  const files: Record<string, string> = {};
  for (let i = 1; i <= 25; i++) {
    const name = `Film ${String(i).padStart(2, '0')} (${1970 + i})`;
    files[`${name}/${name}.mkv`] = '';
  }
  await writeTree(paged, files);
  const pagedLibrary = await createLibrary(b, 'movies', [paged], 'Paged');
  await scan(b, pagedLibrary);
  return { b, root, libraryId, pagedLibrary, firstScan };
}
