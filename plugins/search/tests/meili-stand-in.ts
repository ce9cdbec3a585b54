// A loopback STAND-IN for Meilisearch (not Meilisearch): speaks the documented HTTP API for exactly the calls the
// adapter makes through the official client — health, get/create index, settings, add/delete documents, stats,
// task status and search — with Meilisearch's error bodies and API-key checks. Tasks finish as they are enqueued.
import { FilterError, parseFilter, runSearch, type Settings } from './meili-stand-in-search.ts';

interface IndexState {
  uid: string;
  primaryKey: string | null;
  settings: Settings;
  docs: Map<string, Record<string, unknown>>;
  createdAt: string;
}

const error = (status: number, code: string, message: string, type = 'invalid_request') =>
  Response.json({ message, code, type, link: `https://docs.meilisearch.com/errors#${code}` }, { status });

export class MeiliStandIn {
  readonly indexes = new Map<string, IndexState>();
  readonly tasks = new Map<number, Record<string, unknown>>();
  readonly requests: { method: string; path: string; body: any }[] = [];
  private server: ReturnType<typeof Bun.serve> | null = null;
  private port = 0;

  constructor(private readonly key?: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts listening (again, on the same port after `stop`). */
  start(): this {
    this.server = Bun.serve({ hostname: '127.0.0.1', port: this.port, fetch: (r) => this.handle(r) });
    this.port = this.server.port ?? 0;
    return this;
  }

  stop(): void {
    this.server?.stop(true);
    this.server = null;
  }

  /** Bodies of the search requests received, oldest first. */
  searches(): any[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/search')).map((r) => r.body);
  }

  private async handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const text = req.method === 'GET' ? '' : await req.text();
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method, path: url.pathname, body });
    if (url.pathname === '/health') return Response.json({ status: 'available' });
    if (this.key) {
      const auth = req.headers.get('authorization');
      if (!auth)
        return error(401, 'missing_authorization_header', 'The Authorization header is missing.', 'auth');
      if (auth !== `Bearer ${this.key}`)
        return error(403, 'invalid_api_key', 'The provided API key is invalid.', 'auth');
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'tasks' && parts.length === 2 && req.method === 'GET') {
      const task = this.tasks.get(Number(parts[1]));
      return task ? Response.json(task) : error(404, 'task_not_found', `Task \`${parts[1]}\` not found.`);
    }
    if (parts[0] !== 'indexes') return error(404, 'not_found', 'Not found.');
    if (parts.length === 1 && req.method === 'POST') return this.createIndex(body);
    const index = this.indexes.get(parts[1]);
    if (!index) return error(404, 'index_not_found', `Index \`${parts[1]}\` not found.`);
    const route = `${req.method} ${parts.slice(2).join('/')}`;
    switch (route) {
      case 'GET ':
        return Response.json(this.indexObject(index));
      case 'GET stats':
        return Response.json({
          numberOfDocuments: index.docs.size,
          isIndexing: false,
          fieldDistribution: {},
        });
      case 'GET settings':
        return Response.json(index.settings);
      case 'PATCH settings':
        Object.assign(index.settings, body);
        return this.enqueue(index.uid, 'settingsUpdate', body);
      case 'POST documents':
        return this.addDocuments(index, body);
      case 'POST documents/delete-batch':
        for (const id of body) index.docs.delete(String(id));
        return this.enqueue(index.uid, 'documentDeletion', { providedIds: body.length });
      case 'DELETE documents':
        index.docs.clear();
        return this.enqueue(index.uid, 'documentDeletion', { deletedDocuments: null });
      case 'POST search':
        return this.search(index, body);
    }
    return error(404, 'not_found', `No route for ${route}`);
  }

  private createIndex(body: { uid: string; primaryKey?: string }): Response {
    if (this.indexes.has(body.uid))
      return this.enqueue(body.uid, 'indexCreation', body, {
        code: 'index_already_exists',
        message: `Index \`${body.uid}\` already exists.`,
      });
    this.indexes.set(body.uid, {
      uid: body.uid,
      primaryKey: body.primaryKey ?? null,
      settings: {},
      docs: new Map(),
      createdAt: new Date().toISOString(),
    });
    return this.enqueue(body.uid, 'indexCreation', body);
  }

  private addDocuments(index: IndexState, docs: Record<string, unknown>[]): Response {
    const pk = index.primaryKey ?? 'id';
    const bad = docs.find((d) => !/^[A-Za-z0-9_-]{1,511}$/.test(String(d[pk] ?? '')));
    if (bad)
      return this.enqueue(index.uid, 'documentAdditionOrUpdate', null, {
        code: 'invalid_document_id',
        message: `Document identifier \`${String(bad[pk])}\` is invalid.`,
      });
    for (const d of docs) index.docs.set(String(d[pk]), d);
    return this.enqueue(index.uid, 'documentAdditionOrUpdate', { receivedDocuments: docs.length });
  }

  private search(index: IndexState, body: Record<string, any>): Response {
    let docs = [...index.docs.values()];
    if (body.filter) {
      try {
        const f = parseFilter(body.filter, index.settings.filterableAttributes ?? []);
        docs = docs.filter(f);
      } catch (err) {
        if (err instanceof FilterError) return error(400, 'invalid_search_filter', err.message);
        throw err;
      }
    }
    const hits = runSearch(docs, body.q ?? '', body, index.settings);
    const offset = body.offset ?? 0;
    const limit = body.limit ?? 20;
    return Response.json({
      hits: hits.slice(offset, offset + limit),
      query: body.q ?? '',
      processingTimeMs: 0,
      limit,
      offset,
      estimatedTotalHits: hits.length,
    });
  }

  private indexObject(i: IndexState) {
    return { uid: i.uid, primaryKey: i.primaryKey, createdAt: i.createdAt, updatedAt: i.createdAt };
  }

  private enqueue(
    indexUid: string,
    type: string,
    details: unknown,
    fail?: { code: string; message: string },
  ) {
    const uid = this.tasks.size;
    const now = new Date().toISOString();
    this.tasks.set(uid, {
      uid,
      batchUid: uid,
      indexUid,
      status: fail ? 'failed' : 'succeeded',
      type,
      canceledBy: null,
      details,
      error: fail
        ? { ...fail, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${fail.code}` }
        : null,
      duration: 'PT0S',
      enqueuedAt: now,
      startedAt: now,
      finishedAt: now,
    });
    return Response.json(
      { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: now },
      { status: 202 },
    );
  }
}
