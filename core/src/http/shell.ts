// The HTTP shell: body limit (413 before parsing), rate limits (429 + Retry-After), JSON errors, OpenAPI + Swagger UI.
import { dirname, join } from 'node:path';
import { openapi } from '@elysiajs/openapi';
import { Elysia } from 'elysia';
import { parseCookies, SESSION_COOKIE } from '../auth/credentials.ts';
import { sha256 } from '../auth/tokens.ts';
import type { CoreServices } from '../services.ts';
import { handleError } from './errors.ts';

const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));

/** Key for the general limiter: the credential when one is sent, else the client address. */
function clientKey(request: Request, ip: string): string {
  const auth = request.headers.get('authorization') ?? request.headers.get('x-api-key');
  const cookie = parseCookies(request.headers.get('cookie'))[SESSION_COOKIE];
  const cred = auth ?? cookie;
  return cred ? `cred:${sha256(cred).slice(0, 32)}` : `ip:${ip}`;
}

function tooMany(retryAfter: number): Response {
  return Response.json(
    { error: 'Too many requests' },
    { status: 429, headers: { 'Retry-After': String(retryAfter) } },
  );
}

export function createShell(core: CoreServices, version: string) {
  const { env, limits } = core;
  return new Elysia({ name: 'bijou-shell' })
    .onError({ as: 'global' }, ({ code, error, set, request }) =>
      handleError(code, error, set as never, core.log, request),
    )
    .onRequest(({ request, server }) => {
      const len = Number(request.headers.get('content-length') ?? 0);
      if (len > env.BIJOU_BODY_LIMIT) {
        return Response.json({ error: `Request body over ${env.BIJOU_BODY_LIMIT} bytes` }, { status: 413 });
      }
      const path = new URL(request.url).pathname;
      if (limits.exempt.some((p) => path.startsWith(p))) return;
      const ip = env.BIJOU_TRUST_PROXY
        ? (request.headers.get('x-forwarded-for')?.split(',')[0].trim() ?? 'local')
        : (server?.requestIP(request)?.address ?? 'local');
      const key = clientKey(request, ip);
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
        specPath: '/v1/openapi.json',
        provider: 'swagger-ui',
        exclude: { paths: ['/docs', '/docs/assets/*', '/v1/openapi.json'] },
        swagger: {
          cdn: '/docs/assets/swagger-ui-bundle.js',
          theme: '/docs/assets/swagger-ui.css',
          autoDarkMode: false,
        },
        documentation: {
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
        },
      }),
    )
    .get(
      '/docs/assets/:file',
      ({ params, set }) => {
        if (!['swagger-ui-bundle.js', 'swagger-ui.css'].includes(params.file)) {
          set.status = 404;
          return { error: 'Not found' };
        }
        set.headers['cache-control'] = 'public, max-age=86400';
        return Bun.file(join(swaggerDir, params.file));
      },
      { detail: { hide: true } },
    );
}
