// Seeds a Bijou app with N synthetic movies (item, main file, two genres each) straight into SQLite, for the
// catalog benchmarks and profiles; returns the admin token made through /v1/setup.
import { nanoid } from 'nanoid';
import type { createApp } from '../core/src/app.ts';

const GENRES = ['Action', 'Drama', 'Comedy', 'Thriller', 'Animation', 'Documentary', 'Horror', 'Romance'];
const RATINGS = ['G', 'PG', 'PG-13', 'R', 'NC-17'];

type App = Awaited<ReturnType<typeof createApp>>;

/** Creates the first admin and returns a session token. */
export async function setupAdmin(app: App): Promise<string> {
  const setup = await app.app.handle(
    new Request('http://localhost/v1/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverName: 'b', name: 'b', email: 'b@b.bb', password: 'benchmark-pass' }),
    }),
  );
  return ((await setup.json()) as { token: string }).token;
}

/** Inserts `titles` movies into one library in a single transaction, then ANALYZE. */
export function seedMovies(app: App, titles: number): void {
  const db = app.core.sqlite;
  const now = Date.now();
  db.run(
    `INSERT INTO libraries_libraries (id, name, kind, paths, created_at, updated_at) VALUES ('lib', 'Movies', 'movies', '["/nonexistent"]', '2026-01-01', '2026-01-01')`,
  );
  const ins = db.query(
    `INSERT INTO libraries_items (id, library_id, kind, identity, title, sort_title, year, genres, content_rating, rating, runtime_minutes,
      match_method, match_confidence, added_at, updated_at, provider_ids, artwork, studios, tags, locked_fields)
     VALUES (?, 'lib', 'movie', ?, ?, ?, ?, ?, ?, ?, ?, 'filename', 0.7, ?, ?, '{}', '{}', '[]', '[]', '[]')`,
  );
  const genre = db.query('INSERT INTO libraries_item_genres (item_id, genre) VALUES (?, ?)');
  const file = db.query(
    `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, container, role, added_at, width, height, video_codec)
     VALUES (?, 'lib', ?, ?, ?, 1000, 1, 'mkv', 'main', '2026-01-01', 1920, 1080, 'h264')`,
  );
  db.transaction(() => {
    for (let i = 0; i < titles; i++) {
      const id = nanoid();
      const title = `Title ${i} ${GENRES[i % 8]} Story`;
      const added = new Date(now - i * 60_000).toISOString();
      ins.run(
        id,
        `movie:title:${i}`,
        title,
        title.toLowerCase(),
        1950 + (i % 75),
        JSON.stringify([GENRES[i % 8], GENRES[(i + 3) % 8]]),
        RATINGS[i % 5],
        (i % 100) / 10,
        80 + (i % 90),
        added,
        added,
      );
      file.run(nanoid(), id, `/m/${i}.mkv`, `${i}.mkv`);
      genre.run(id, GENRES[i % 8].toLowerCase());
      genre.run(id, GENRES[(i + 3) % 8].toLowerCase());
    }
  })();
  db.run('ANALYZE');
}
