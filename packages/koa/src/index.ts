import { pipeline, type Readable, Transform } from 'node:stream';
import {
  type AllowDecision,
  createGuard,
  type GuardOptions,
  type HttpBody,
  inspectRequest,
  type ResponseFilter,
} from '@llmguard/core';
import type Koa from 'koa';

export { block, customPatterns, LlmGuardConfigError, redact, report, type GuardOptions } from '@llmguard/core';

/** What the guard leaves in `ctx.state.llmguard` for the handler. */
export interface LlmGuardState {
  requestId: string;
  decision: AllowDecision;
  /** Aborted when the client disconnects: pass it to the upstream model call. */
  signal: AbortSignal;
}

/**
 * Koa middleware: guards the request body before the next middleware sees it (`ctx.request.body`
 * holds the guarded body) and filters `ctx.body` afterwards (objects, strings, buffers, Node and
 * web streams, `Blob`, `Response`).
 * @example
 * app.use(llmGuard({ customPatterns: { deny: ['ignore previous instructions'] } }));
 */
export function llmGuard(options?: GuardOptions): Koa.Middleware {
  const guard = createGuard(options);
  return async function llmGuardMiddleware(ctx, next) {
    const request = ctx.request as Koa.Request & { body?: unknown; rawBody?: unknown };
    const result = await inspectRequest(guard, { method: ctx.method, url: ctx.url, headers: ctx.headers, body: bodyOf(ctx, request.body) });
    if (result.type === 'pass') return next();
    ctx.set(result.headers);
    if (result.type === 'respond') {
      // Drain what core left unread (a 413) so a keep-alive connection can carry the next request.
      if (!ctx.req.readableEnded) ctx.req.resume();
      ctx.status = result.status;
      ctx.body = result.body;
      return;
    }
    request.body = result.body;
    if (typeof request.rawBody === 'string') request.rawBody = result.bodyText;
    const filter = result.response;
    const state: LlmGuardState = { requestId: result.requestId, decision: result.decision, signal: filter.signal };
    ctx.state.llmguard = state;
    // 'close' before the response finished means the client went away (req 'close' only says the body was read).
    ctx.res.once('close', () => {
      if (!ctx.res.writableFinished) filter.abort();
    });
    try {
      await next();
    } catch (err) {
      // Koa's error handler clears the response headers before answering: carry the request id
      // over on the error (`err.headers` is what it sets back), so a handler's 500 stays traceable.
      throw withHeaders(err, result.headers);
    }
    if (filter.active) await filterBody(ctx, filter);
  };
}

function withHeaders(err: unknown, headers: Record<string, string>): unknown {
  if (err === null || typeof err !== 'object' || Object.keys(headers).length === 0) return err;
  const e = err as { headers?: Record<string, string> };
  try {
    e.headers = { ...(e.headers ?? {}), ...headers };
  } catch {
    // A frozen error object keeps its own headers.
  }
  return err;
}

/** A body parser that ran first consumed the stream; one that skipped the content type did not. */
function bodyOf(ctx: Koa.Context, parsed: unknown): HttpBody {
  const read = ctx.req.readableDidRead || ctx.req.readableEnded;
  if (read) return parsed === undefined ? { type: 'consumed' } : { type: 'parsed', value: parsed };
  // destroyOnReturn: false keeps the socket open when core stops reading early, so the 413 can be sent.
  return { type: 'stream', stream: ctx.req.iterator({ destroyOnReturn: false }) };
}

async function filterBody(ctx: Koa.Context, filter: ResponseFilter): Promise<void> {
  const body: unknown = ctx.body;
  if (body === null || body === undefined) return;
  const kind = filter.kind(ctx.response.get('Content-Type'));
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    if (kind === 'none') return;
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const out = filter.whole(kind, text);
    if (out !== text) ctx.body = typeof body === 'string' ? out : Buffer.from(out, 'utf8');
    return;
  }
  if (isNodeReadable(body)) {
    if (kind === 'none') return;
    const chunks = filter.stream(kind);
    staleLength(ctx);
    const transform = new Transform({
      transform: (chunk: Buffer, _enc, done) => done(null, chunks.push(chunk) || undefined),
      flush: (done) => done(null, chunks.end() || undefined),
    });
    // Errors reach Koa through the transform, which is the body it pipes; destroying it stops the source.
    ctx.body = pipeline(body, transform, () => {});
    return;
  }
  if (body instanceof Response) {
    staleLength(ctx);
    ctx.body = await filter.response(body);
    return;
  }
  if (body instanceof ReadableStream || body instanceof Blob) {
    if (kind === 'none') return;
    const chunks = filter.stream(kind);
    const encoder = new TextEncoder();
    const source: ReadableStream<Uint8Array | string> = body instanceof Blob ? body.stream() : body;
    staleLength(ctx);
    ctx.body = source.pipeThrough(
      new TransformStream<Uint8Array | string, Uint8Array>({
        transform: (chunk, out) => enqueue(out, encoder, chunks.push(chunk)),
        flush: (out) => enqueue(out, encoder, chunks.end()),
      }),
    );
    return;
  }
  // A plain object or array: Koa serialises it as JSON whatever the declared type.
  const value = filter.json(body);
  if (value !== body) ctx.body = value;
}

function enqueue(out: TransformStreamDefaultController<Uint8Array>, encoder: TextEncoder, text: string): void {
  if (text !== '') out.enqueue(encoder.encode(text));
}

function staleLength(ctx: Koa.Context): void {
  ctx.remove('Content-Length');
  ctx.remove('ETag');
}

function isNodeReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && typeof (value as { pipe?: unknown }).pipe === 'function';
}
