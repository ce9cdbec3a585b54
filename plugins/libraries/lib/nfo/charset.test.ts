// NFO text decoded with the wrong charset (Windows-1252 vs ISO-8859-1 vs UTF-8) still parses, repaired
// where the damage is reversible and with a warning where it is not.

import { describe, expect, test } from 'bun:test';
import { parseMovieNfo } from './movie.ts';

describe('text decoded with the wrong charset', () => {
  const bytes = () => Bun.file(`${import.meta.dir}/fixtures/windows-1252-movie.nfo`).bytes();
  const expected = {
    title: 'Léon: The Professional',
    plot: 'Mathilda’s family is killed – and a hitman takes her in.',
    tagline: 'If you want a job done well, hire a professional…',
  };

  test('Windows-1252 file decoded as Windows-1252 parses cleanly', async () => {
    const result = parseMovieNfo(new TextDecoder('windows-1252').decode(await bytes()));
    expect(result).toMatchObject({ ok: true, value: expected, warnings: [] });
  });

  test('Windows-1252 file decoded as ISO-8859-1 gets its C1 characters remapped', async () => {
    const text = String.fromCharCode(...(await bytes()));
    const result = parseMovieNfo(text);
    expect(result).toMatchObject({ ok: true, value: expected });
    expect(result.ok && result.warnings[0]).toContain('remapped');
  });

  test('Windows-1252 file decoded as UTF-8 still parses and warns about the lost characters', async () => {
    const result = parseMovieNfo(new TextDecoder('utf-8').decode(await bytes()));
    expect(result).toMatchObject({ ok: true, value: { title: 'L\ufffdon: The Professional', year: 1994 } });
    expect(result.ok && result.warnings[0]).toContain('U+FFFD');
  });

  test('UTF-8 file decoded as Windows-1252 is re-decoded', () => {
    const utf8 = new TextEncoder().encode('<movie><title>Amélie – “Paris”</title></movie>');
    const result = parseMovieNfo(new TextDecoder('windows-1252').decode(utf8));
    expect(result).toMatchObject({ ok: true, value: { title: 'Amélie – “Paris”' } });
    expect(result.ok && result.warnings[0]).toContain('re-decoded');
  });
});
