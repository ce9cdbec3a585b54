// HTTP API client for the browser: JSON in and out, the session cookie, the CSRF header on writes, and errors in words.

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    /** Seconds from a 429/503 `Retry-After` header, when the server sent one. */
    public readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

export function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)bijou_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** Sends a request to the API; throws ApiError with the server's `error` text on a non-2xx answer. */
export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const detail = data?.details?.[0];
    const text = detail ? `${data.error}: ${detail.path} — ${detail.message}` : data?.error;
    const retry = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
    throw new ApiError(
      res.status,
      text ?? `Request failed (${res.status})`,
      Number.isFinite(retry) ? retry : null,
    );
  }
  return data as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);
export const post = <T = any>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'user';
}

export interface FileInfo {
  id: string;
  path: string;
  size: number;
  container: string | null;
  missing: boolean;
}

export interface Movie {
  id: string;
  kind: string;
  libraryId: string;
  title: string;
  year: number | null;
  overview: string | null;
  runtime: number | null;
  rating: number | null;
  genres: string[];
  tagline?: string | null;
  artwork: { poster?: string; backdrop?: string; [k: string]: string | undefined };
  match: { method: string; confidence: number } | null;
  watched: boolean;
  position: number;
  files: FileInfo[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ScanState {
  state: string;
  phase: string | null;
  progress: number;
  counts: Record<string, number> | null;
  error: string | null;
}

export interface Library {
  id: string;
  name: string;
  kind: 'movies' | 'shows';
  paths: string[];
  scan: ScanState;
}

export interface ContinueItem {
  itemId: string;
  kind: string;
  title: string;
  showTitle: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  positionSeconds: number;
  durationSeconds: number | null;
  progress: number;
}

export interface SearchHit {
  type: string;
  id: string;
  title?: string;
  text?: string;
  subtitle?: string | null;
  year?: number | null;
}
