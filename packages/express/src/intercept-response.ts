import type { ChunkFilter, ResponseFilter } from '@llmguard/core';
import type { Response } from 'express';

type Callback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

/** write(chunk, encoding?, cb?) and end(chunk?, encoding?, cb?) with the optional middle arguments resolved. */
function argsOf(a: unknown, b: unknown, c: unknown): [Chunk | undefined, BufferEncoding | undefined, Callback | undefined] {
  if (typeof a === 'function') return [undefined, undefined, a as Callback];
  if (typeof b === 'function') return [a as Chunk | undefined, undefined, b as Callback];
  return [a as Chunk | undefined, b as BufferEncoding | undefined, c as Callback | undefined];
}

const toBytes = (chunk: Chunk, encoding: BufferEncoding | undefined): Uint8Array =>
  typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : chunk;

/**
 * Route the handler's body through the output filter: SSE and plain text chunk by chunk, JSON
 * whole (`res.json()` and `res.send()` end in `res.end()`), anything else untouched. The mode is
 * chosen at the first write from the Content-Type the handler set by then.
 */
export function interceptResponse(res: Response, filter: ResponseFilter): void {
  const { write, end } = res;
  let mode: 'stream' | 'json' | 'none' | undefined;
  let stream: ChunkFilter | undefined;
  const buffered: Uint8Array[] = [];

  // Node's writeHead(status, headers) hides those headers from getHeader() unless setHeader() ran
  // first (Node docs, response.writeHead); setting and removing one header opts into that path.
  if (res.getHeaderNames().length === 0) res.setHeader('x-llmguard', '1').removeHeader('x-llmguard');

  const decide = (): void => {
    // Bodiless answers (HEAD keeps the GET's Content-Length) come back as 'none'.
    const kind = filter.kind(res.getHeader('content-type'), { method: res.req.method, status: res.statusCode });
    if (kind === 'none') {
      mode = 'none';
      Object.assign(res, { write, end });
      return;
    }
    mode = kind === 'json' ? 'json' : 'stream';
    if (kind === 'sse' || kind === 'text') stream = filter.stream(kind);
    if (res.headersSent) return;
    res.removeHeader('etag');
    if (mode === 'stream') res.removeHeader('content-length');
  };
  /** Nothing to write yet (buffered JSON, or a held-back unfinished event or match). */
  const later = (cb: Callback | undefined): boolean => {
    if (cb) process.nextTick(cb);
    return true;
  };

  res.write = function llmGuardWrite(this: Response, a: unknown, b?: unknown, c?: unknown): boolean {
    if (mode === undefined) decide();
    const [chunk, encoding, cb] = argsOf(a, b, c);
    if (mode === 'none' || chunk === undefined) return (write as (...args: unknown[]) => boolean).call(this, a, b, c);
    if (mode === 'json') {
      buffered.push(toBytes(chunk, encoding));
      return later(cb);
    }
    const out = (stream as ChunkFilter).push(toBytes(chunk, encoding));
    return out === '' ? later(cb) : write.call(this, out, 'utf8', cb);
  } as Response['write'];

  res.end = function llmGuardEnd(this: Response, a?: unknown, b?: unknown, c?: unknown): Response {
    if (mode === undefined) decide();
    const [chunk, encoding, cb] = argsOf(a, b, c);
    if (mode === 'none') return (end as (...args: unknown[]) => Response).call(this, a, b, c);
    if (mode === 'stream') {
      const s = stream as ChunkFilter;
      return end.call(this, (chunk === undefined ? '' : s.push(toBytes(chunk, encoding))) + s.end(), 'utf8', cb);
    }
    if (chunk !== undefined) buffered.push(toBytes(chunk, encoding));
    const out = filter.whole('json', Buffer.concat(buffered).toString('utf8'));
    if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(out));
    return end.call(this, out, 'utf8', cb);
  } as Response['end'];
}
