// The HTTP shell: body limit (413 before parsing), rate limits (429 + Retry-After), JSON errors, OpenAPI + Swagger UI.
import { dirname, join } from 'node:path';
import { openapi } from '@elysiajs/openapi';
import { toOpenAPISchema } from '@elysiajs/openapi/openapi';
import { Elysia } from 'elysia';
import { readCredential, SESSION_COOKIE } from '../auth/credentials.ts';
import { pathOf, requestPrincipal } from '../auth/macro.ts';
import type { AuthService } from '../auth/service.ts';
import { sha256 } from '../auth/tokens.ts';
import type { CoreServices } from '../services.ts';
import { handleError } from './errors.ts';
import { servedFile } from './file-response.ts';
import { readJsonBody } from './json-body.ts';

const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));

/**
 * Key for the general limiter: a live credential when one is sent, else the client address. Made-up
 * credentials fall back to the address, so rotating them cannot open fresh buckets. The principal resolved here is
 * the one the auth macro uses later in the same request.
 */
function clientKey(auth: AuthService, request: Request, ip: () => string): string {
  const cred = readCredential(request, false);
  return cred && requestPrincipal(auth, request, false)
    ? `cred:${sha256(cred.secret).slice(0, 32)}`
    : `ip:${ip()}`;
}

/**
 * Whether the body is over the limit as far as the headers tell: a declared length decides; 'count' when only
 * reading the body can tell (sent without a declared length, i.e. chunked).
 */
function bodyOverLimit(request: Request, limit: number): boolean | 'count' {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > limit;
  // Bun hands every GET an empty body stream (built on first access): without Transfer-Encoding there is none.
  if ((request.method === 'GET' || request.method === 'HEAD') && !request.headers.has('transfer-encoding'))
    return false;
  return request.body ? 'count' : false;
}

/** Reads a copy of a body without a declared length until it passes the limit or ends. */
async function countsOverLimit(request: Request, limit: number): Promise<boolean> {
  const reader = request.clone().body!.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > limit) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

function tooMany(retryAfter: number): Response {
  return Response.json(
    { error: 'Too many requests' },
    { status: 429, headers: { 'Retry-After': String(retryAfter) } },
  );
}

const EXCLUDE = {
  // Playlist routes end in .m3u8; they are API routes, not static files.
  staticFile: false,
  methods: ['options', 'ws'],
  paths: ['/docs', '/docs/assets/*', '/docs/plugin-spec.json', '/v1/openapi.json'],
};

export function createShell(core: CoreServices, version: string) {
  const documentation = {
    info: {
      title: 'Bijou API',
      version,
      description: 'Home media server REST API. Errors are `{ "error": "…" }`.',
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Session token or API key (bij_…)' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
    },
  } as const;
  // Rebuilt whenever the route table grows (plugins enabled or installed at runtime).
  let spec: { routes: number; body: unknown } | null = null;
  const { env, limits } = core;
  const shell = new Elysia({ name: 'bijou-shell' });
  shell
    .onError({ as: 'global' }, ({ code, error, set, request }) =>
      handleError(code, error, set as never, core.log, request),
    )
    .onParse({ as: 'global' }, ({ request }, contentType) => readJsonBody(request, contentType))
    .onRequest(async ({ request, server }) => {
      const over = bodyOverLimit(request, env.BIJOU_BODY_LIMIT);
      if (over === true || (over === 'count' && (await countsOverLimit(request, env.BIJOU_BODY_LIMIT)))) {
        return Response.json({ error: `Request body over ${env.BIJOU_BODY_LIMIT} bytes` }, { status: 413 });
      }
      const path = pathOf(request.url);
      if (limits.exempt.some((p) => path.startsWith(p))) return;
      const ip = () =>
        env.BIJOU_TRUST_PROXY
          ? (request.headers.get('x-forwarded-for')?.split(',')[0].trim() ?? 'local')
          : (server?.requestIP(request)?.address ?? 'local');
      const key = clientKey(core.auth, request, ip);
      for (const s of limits.special) {
        if (!path.startsWith(s.prefix)) continue;
        const wait = s.limiter.hit(key);
        if (wait !== null) return tooMany(wait);
      }
      const wait = limits.general.hit(key);
      if (wait !== null) return tooMany(wait);
    })
    .use(
      openapi({
        path: '/docs',
        // The plugin serves the page only; the spec is ours (below) because the plugin caches it forever.
        specPath: '/docs/plugin-spec.json',
        provider: 'swagger-ui',
        // 'ws' is not an OpenAPI method; the WebSocket is described on GET /v1/events instead.
        exclude: EXCLUDE,
        swagger: {
          // Absolute, so the page also finds the spec when opened as /docs/ (the plugin's own is relative and
          // its types hide `url`, hence the spread).
          ...{ url: '/v1/openapi.json' },
          cdn: '/docs/assets/swagger-ui-bundle.js',
          theme: '/docs/assets/swagger-ui.css',
          autoDarkMode: false,
        },
        documentation,
      }),
    )
    .get(
      '/docs/assets/:file',
      ({ params, set, request }) => {
        if (!['swagger-ui-bundle.js', 'swagger-ui.css'].includes(params.file)) {
          set.status = 404;
          return { error: 'Not found' };
        }
        return servedFile(request, join(swaggerDir, params.file), {
          'cache-control': 'public, max-age=86400',
        });
      },
      { detail: { hide: true } },
    )
    .get(
      '/v1/openapi.json',
      () => {
        const routes = (shell as unknown as { getGlobalRoutes(): unknown[] }).getGlobalRoutes().length;
        if (spec?.routes === routes) return spec.body;
        const { paths, components } = toOpenAPISchema(shell, EXCLUDE, undefined, undefined, '3.1.2');
        const body = {
          openapi: '3.1.2',
          info: documentation.info,
          paths,
          components: { ...documentation.components, schemas: components?.schemas ?? {} },
        };
        spec = { routes, body };
        return body;
      },
      { detail: { hide: true } },
    );
  return shell;
}
