// HTTP API client for the browser: JSON in and out, the session cookie, the CSRF header on writes, and errors in words.
import { allPages, withCursor } from './paging.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    /** The per-field issues of a 422 answer. */
    public readonly details: FieldIssue[] = [],
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
    const details = Array.isArray(data?.details) ? (data.details as FieldIssue[]) : [];
    const retry = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
    throw new ApiError(
      res.status,
      text ?? `Request failed (${res.status})`,
      details,
      Number.isFinite(retry) ? retry : null,
    );
  }
  return data as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);
/** Every item of a paged list route (`path` may carry `limit` and filters), following `nextCursor` to the end. */
export const getAll = <T = any>(path: string) => allPages((cursor) => get<Page<T>>(withCursor(path, cursor)));
export const post = <T = any>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T = any>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T = any>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T = any>(path: string) => api<T>('DELETE', path);

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
  /** The version ("Director's Cut") of a movie with several files, from the file name. */
  versionLabel?: string | null;
  /** The part (cd1, part2 …) of a movie split over several files. */
  part?: number | null;
}

/** A movie, show, season or episode as the libraries plugin lists it (details add tagline, extras, …). */
export interface Item {
  id: string;
  kind: 'movie' | 'show' | 'season' | 'episode';
  libraryId: string;
  title: string;
  year: number | null;
  overview: string | null;
  runtime: number | null;
  rating: number | null;
  contentRating: string | null;
  genres: string[];
  tagline?: string | null;
  studios?: string[];
  extras?: { id: string; kind: string; title: string; path: string; size: number }[];
  artwork: { poster?: string; backdrop?: string; thumb?: string; [k: string]: string | undefined };
  match: { method: string; confidence: number } | null;
  watched: boolean;
  position: number;
  /** The file (part or version) `position` is in; null: the first file, or nothing to resume. */
  resumeFileId?: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  endingEpisodeNumber: number | null;
  airDate: string | null;
  showId: string | null;
  parentId: string | null;
  files: FileInfo[];
  /** Fields edited by hand (kept on rescans). */
  lockedFields?: string[];
}
/** The player (owned elsewhere) still names it Movie. */
export type Movie = Item;

export interface NextUpItem extends Item {
  show: { id: string; title: string; year: number | null; artwork: Item['artwork'] };
  lastPlayedAt: string | null;
}

/** New episodes of one show (its newest batch), from /v1/shows/recently-added-episodes. */
export interface RecentEpisodes {
  show: NextUpItem['show'];
  addedAt: string;
  count: number;
  seasonNumbers: number[];
  /** The batch's last episode. */
  episode: Item;
}

export interface Credit {
  personId: string;
  name: string;
  role: string;
  character: string | null;
  order: number;
}

export interface Track {
  id: string;
  kind: string;
  codec: string | null;
  language: string | null;
  title: string | null;
  channels: number | null;
  default: boolean;
  forced: boolean;
  sdh: boolean;
  external: boolean;
}

export interface FileStats extends FileInfo {
  durationSeconds: number | null;
  bitrate: number | null;
  videoCodec: string | null;
  videoProfile: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  hdr: string | null;
  probed: boolean;
  probeError: string | null;
  tracks: Track[];
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
  kind: 'movie' | 'episode';
  title: string;
  showId: string | null;
  showTitle: string | null;
  reason: 'resume' | 'next-up';
  artwork?: Item['artwork'];
  seasonNumber: number | null;
  episodeNumber: number | null;
  positionSeconds: number;
  /** The file (part or version) the position is in; null: the first file, or next up. */
  resumeFileId?: string | null;
  /** Its part or version label, when the title has several files. */
  resumePart?: number | null;
  resumeVersionLabel?: string | null;
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
  artwork?: string | null;
}
