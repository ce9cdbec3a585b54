// Generated movie trees for the benchmarks that need a scanned library: empty videos with a small NFO each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GENRES = ['Action', 'Drama', 'Comedy', 'Thriller', 'Animation', 'Documentary'];

/** One folder per movie under `root`: an empty video and a small NFO (title, year, genre, an actor). */
export function makeMovies(root: string, n: number, name = 'Bench Movie'): void {
  for (let i = 0; i < n; i++) {
    const year = 1950 + (i % 70);
    const title = `${name} ${i}`;
    const dir = join(root, `${title} (${year})`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${title} (${year}).mkv`), '');
    writeFileSync(
      join(dir, 'movie.nfo'),
      `<movie><title>${title}</title><year>${year}</year><genre>${GENRES[i % GENRES.length]}</genre>` +
        `<actor><name>Actor ${i % 700}</name><role>Lead</role></actor></movie>`,
    );
  }
}
