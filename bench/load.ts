// Load generator for the benchmarks: N concurrent keep-alive fetch loops against one URL for a fixed time.
// Usage: bun bench/load.ts <url> <seconds> <concurrency> [bearer-token] → prints `{ requests, seconds, errors }`.
const [url, seconds = '3', concurrency = '16', token] = process.argv.slice(2);
if (!url) throw new Error('usage: load.ts <url> <seconds> <concurrency> [token]');
const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
const end = performance.now() + Number(seconds) * 1000;
let requests = 0;
let errors = 0;
async function loop(): Promise<void> {
  while (performance.now() < end) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status === 200) requests += 1;
    else errors += 1;
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(concurrency) }, loop));
console.log(JSON.stringify({ requests, seconds: (performance.now() - t0) / 1000, errors }));

export {};
