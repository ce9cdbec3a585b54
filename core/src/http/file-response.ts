// The answer of every route that serves a file or bytes made from one (artwork and its resized variants, direct
// play, the web client, the API docs' assets), for GET and HEAD alike: a current conditional request gets 304; the
// whole representation 200 with Accept-Ranges and Content-Length and never a Content-Range (that belongs to 206 and
// 416 only); one satisfiable byte range of a GET 206; an unsatisfiable one 416; a stale If-Range the whole. A HEAD
// gets the answer a GET without Range would (the server drops its body): Range applies to GET only. Rules:
// byte-range.ts and file-validators.ts.
import { ifRangeMatches, parseRange, type RangeResult } from './byte-range.ts';
import { fileValidators, notModified, type Validators } from './file-validators.ts';

/** What is served, besides its bytes. */
export interface Representation {
  /** Its media type. */
  type: string;
  validators: Validators;
  /** Headers every answer carries, 304 included (a cache policy). */
  headers?: Record<string, string>;
}

const FULL: RangeResult = { kind: 'full' };

function validatorHeaders(r: Pick<Representation, 'validators' | 'headers'>): Record<string, string> {
  return { ...r.headers, etag: r.validators.etag, 'last-modified': r.validators.lastModified };
}

/**
 * 304 with the validators and the cache policy, and no body, when the request's If-None-Match (or else
 * If-Modified-Since) shows the client's copy is current; otherwise null. Routes whose bytes are costly to make (a
 * resized image) ask this first.
 */
export function notModifiedResponse(
  request: Request,
  r: Pick<Representation, 'validators' | 'headers'>,
): Response | null {
  const h = request.headers;
  if (!notModified(h.get('if-none-match'), h.get('if-modified-since'), r.validators)) return null;
  return new Response(null, { status: 304, headers: validatorHeaders(r) });
}

/**
 * `body` (a file or bytes in memory) answered to a GET or HEAD. Every length is stated, so the answer does not
 * depend on the server counting the body. On the wire Bun ranges a file-backed 200 by itself, but only where the
 * rules here also give the whole (it compares If-Range with the ETag and Last-Modified sent), and it keeps the
 * Content-Range of a 206 (CONVENTIONS 7.2).
 */
export function fileResponse(request: Request, body: Blob | Uint8Array, r: Representation): Response {
  const unchanged = notModifiedResponse(request, r);
  if (unchanged) return unchanged;
  const size = body instanceof Uint8Array ? body.byteLength : body.size;
  const headers = { ...validatorHeaders(r), 'accept-ranges': 'bytes' };
  const h = request.headers;
  // Range applies to GET only (RFC 9110 14.2, CONVENTIONS 7.2): a HEAD with one gets the whole's headers.
  const ranged = request.method === 'GET' && ifRangeMatches(h.get('if-range'), r.validators);
  const range = ranged ? parseRange(h.get('range'), size) : FULL;
  if (range.kind === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${size}`, 'content-length': '0' },
    });
  }
  const typed = { ...headers, 'content-type': r.type };
  if (range.kind === 'full') {
    return new Response(body as BodyInit, { headers: { ...typed, 'content-length': String(size) } });
  }
  const { start, end } = range;
  const part = body instanceof Uint8Array ? body.subarray(start, end + 1) : body.slice(start, end + 1);
  return new Response(part as BodyInit, {
    status: 206,
    headers: {
      ...typed,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': String(end - start + 1),
    },
  });
}

/** A file on disk answered with its own validators and the type of its extension (core's web client and docs). */
export function servedFile(
  request: Request,
  path: string,
  headers: Record<string, string>,
  type?: string,
): Response {
  const file = Bun.file(path);
  const validators = fileValidators(file.size, file.lastModified);
  return fileResponse(request, file, { type: type ?? file.type, validators, headers });
}
