// Serves the built browser client (web/dist) at `/`: hashed assets with long cache headers, and index.html for
// every other non-API path so client-side routes work (validators, ranges, HEAD as GET: file-response.ts). API
// prefixes that match nothing stay 404 JSON.
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { Elysia, t } from 'elysia';
import type { CoreServices } from '../services.ts';
import { HttpError } from './errors.ts';
import { servedFile } from './file-response.ts';

/** Paths the web client never owns: an unknown route under them is the API's 404, not the app shell. */
const API_PREFIXES = ['/v1/', '/api/', '/docs/'];
const API_EXACT = ['/v1', '/api', '/docs'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** The file under `root` a URL path names, or null (missing, a folder, or outside the root). */
export function resolveAsset(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return isFile(file) ? file : null;
}

function fileResponse(request: Request, file: string, cache: string): Response {
  const headers = { 'cache-control': cache, 'x-content-type-options': 'nosniff' };
  return servedFile(request, file, headers, TYPES[extname(file)] ?? 'application/octet-stream');
}

/** Routes for the web client; `dir` is the bundler's output folder (it may not exist yet: then 404 JSON). */
export function staticRoutes(core: CoreServices, dir: string) {
  const root = resolve(dir);
  const serve = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (API_EXACT.includes(path) || API_PREFIXES.some((p) => path.startsWith(p))) {
      throw new HttpError(404, 'Not found');
    }
    const asset = path === '/' ? null : resolveAsset(root, path);
    if (asset && !asset.endsWith('.html')) {
      // Bundles under /assets/ carry a content hash in their name; anything else is revalidated.
      const hashed = path.startsWith('/assets/');
      return fileResponse(
        request,
        asset,
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      );
    }
    // Unknown asset-like paths (a file extension) are a plain 404; routes get the app shell.
    if (path.startsWith('/assets/') || (extname(path) && !path.endsWith('.html'))) {
      throw new HttpError(404, 'Not found');
    }
    const index = join(root, 'index.html');
    if (!isFile(index)) throw new HttpError(404, 'The web client is not built: run `bun web/build.ts`');
    return fileResponse(request, index, 'no-cache');
  };
  const options = {
    auth: 'public' as const,
    // Any query: the web client reads its own (`/library/x?genre=…`, `/play/x?t=…`).
    query: t.Record(t.String(), t.Unknown()),
    response: t.Any({ description: 'A file of the web client' }),
    detail: { hide: true },
  };
  return new Elysia({ name: 'core-web', tags: ['web'] })
    .use(core.authPlugin)
    .get('/', serve, options)
    .get('/*', serve, options);
}
