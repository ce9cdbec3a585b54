// Ids that sort by creation time: 7 characters of milliseconds, 4 of a per-millisecond counter and 10 random,
// all from [0-9A-Za-z] (URL-safe, 21 characters like nanoid). Rows inserted in a scan then land at the end of
// every index keyed by id instead of on random pages, so a batch dirties a few pages rather than hundreds. An id is
// made from character codes in one String.fromCharCode (a scan makes tens of thousands: no string is built up piece
// by piece and flattened again when SQLite binds it).

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Character codes of `n` in base 62, `width` digits (the lowest ones when `n` needs more). */
function base62Codes(n: number, width: number): number[] {
  const out = new Array<number>(width);
  let v = n;
  for (let i = width - 1; i >= 0; i--) {
    out[i] = CODES[v % 62];
    v = Math.floor(v / 62);
  }
  return out;
}

/** `n` in base 62, `width` digits (the lowest ones when `n` needs more). */
export function base62(n: number, width: number): string {
  return String.fromCharCode(...base62Codes(n, width));
}

let lastMs = 0;
let prefix = base62Codes(0, 7);
let counter = 0;
const pool = new Uint8Array(1024);
let poolAt = pool.length;

/** The code of a random character of the alphabet, every one equally likely. */
function randomCode(): number {
  for (;;) {
    if (poolAt >= pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    const b = pool[poolAt++];
    // 248 = 62 * 4: bytes at or above it are skipped so every character is equally likely.
    if (b < 248) return CODES[b % 62];
  }
}

/** A new id; ids made later in this process always sort after earlier ones (`now` is for tests). */
export function sortableId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    prefix = base62Codes(now, 7);
    counter = 0;
  } else counter += 1;
  const p = prefix;
  const k = counter;
  return String.fromCharCode(
    p[0],
    p[1],
    p[2],
    p[3],
    p[4],
    p[5],
    p[6],
    CODES[Math.floor(k / 238_328) % 62],
    CODES[Math.floor(k / 3844) % 62],
    CODES[Math.floor(k / 62) % 62],
    CODES[k % 62],
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
    randomCode(),
  );
}
