import { type AllowDecision, createGuard, type GuardOptions, type HttpBody, inspectRequest, LlmGuardConfigError } from '@llmguard/core';

/** A fetch-style handler: Hono, Bun, Deno, Workers, Next.js route handlers. */
export type FetchHandler<R extends Request = Request, Args extends unknown[] = []> = (request: R, ...rest: Args) => Response | Promise<Response>;

/** What the guard knows about a request it forwarded, for the handler. */
export interface LlmGuardState {
  requestId: string;
  decision: AllowDecision;
  /** Aborted when the client disconnects or the guard stops the answer: pass it to the upstream model call. */
  signal: AbortSignal;
}

const states = new WeakMap<Request, LlmGuardState>();

/**
 * The guard's state for the request a guarded handler received; `undefined` for any other request.
 * @example
 * const { requestId, signal } = llmGuardState(request) ?? {};
 */
export function llmGuardState(request: Request): LlmGuardState | undefined {
  return states.get(request);
}

/**
 * Wrap a `Request -> Response` handler: the handler gets a new `Request` whose body is the
 * guarded body (`await request.json()` just works), and its `Response` is filtered on the way out.
 * Denied requests are answered without calling the handler.
 * @example
 * export default { fetch: guardFetch((req) => Response.json({ ok: true }), { output: { escapeHtml: true } }) };
 */
export function guardFetch<R extends Request, Args extends unknown[]>(
  handler: FetchHandler<R, Args>,
  options?: GuardOptions,
): (request: R, ...rest: Args) => Promise<Response> {
  assertHandler(handler, 'guardFetch');
  const guard = createGuard(options);
  return async function llmGuardFetch(request, ...rest) {
    const url = new URL(request.url);
    const result = await inspectRequest(guard, { method: request.method, url: url.pathname + url.search, headers: request.headers, body: bodyOf(request) });
    if (result.type === 'pass') return handler(request, ...rest);
    if (result.type === 'respond') return new Response(result.body, { status: result.status, headers: result.headers });

    const headers = new Headers(request.headers);
    headers.delete('content-length');
    const signal = AbortSignal.any([request.signal, result.response.signal]);
    const guarded = rebuild(request, { method: request.method, headers, body: result.bodyText, signal });
    states.set(guarded, { requestId: result.requestId, decision: result.decision, signal });
    const response = await result.response.response(await handler(guarded, ...rest));
    return withHeaders(response, result.headers);
  };
}

/**
 * The guarded request, of the same class when it can be: a `NextRequest` stays a `NextRequest`
 * (with `nextUrl` and `cookies`) without importing Next. Other subclasses fall back to `Request`.
 */
function rebuild<R extends Request>(request: R, init: RequestInit): R {
  const Same = request.constructor as new (url: string, init: RequestInit) => R;
  if (Same !== Request) {
    try {
      const made = new Same(request.url, init);
      if (made instanceof Request) return made;
    } catch {
      // An unknown constructor signature: a plain Request still carries the guarded body.
    }
  }
  return new Request(request.url, init) as R;
}

/** Catches `export const POST = withLlmGuard` (not called): the framework then passes a request as the handler. */
export function assertHandler(handler: unknown, name: string): void {
  if (typeof handler === 'function') return;
  const hint = handler instanceof Request ? ` You probably exported ${name} itself instead of ${name}(handler, options).` : '';
  throw new LlmGuardConfigError(`${name}() expects your handler function as its first argument, received ${handler === null ? 'null' : typeof handler}.${hint}`);
}

function bodyOf(request: Request): HttpBody {
  return request.body === null ? { type: 'none' } : { type: 'stream', stream: request.body };
}

/** `fetch()` and `Response.redirect()` responses have immutable headers: copy them when they are. */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  const entries = Object.entries(extra);
  if (entries.length === 0) return response;
  try {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    for (const [name, value] of entries) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
