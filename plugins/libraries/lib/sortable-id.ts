// Ids that sort by creation time: 7 characters of milliseconds, 4 of a per-millisecond counter and 10 random,
// all from [0-9A-Za-z] (URL-safe, 21 characters like nanoid). Rows inserted in a scan then land at the end of
// every index keyed by id instead of on random pages, so a batch dirties a few pages rather than hundreds.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_CHARS = 10;

export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out;
}

let lastMs = 0;
let prefix = base62(0, 7);
let counter = 0;
const pool = new Uint8Array(1024);
let poolAt = pool.length;

export function randomChars(): string {
  let out = '';
  // 248 = 62 * 4: bytes at or above it are skipped so every character is equally likely.
  while (out.length < RANDOM_CHARS) {
    if (poolAt >= pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    const b = pool[poolAt++];
    if (b < 248) out += ALPHABET[b % 62];
  }
  return out;
}

/** A new id; ids made later in this process always sort after earlier ones (`now` is for tests). */
export function sortableId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    prefix = base62(now, 7);
    counter = 0;
  } else counter += 1;
  return prefix + base62(counter, 4) + randomChars();
}
