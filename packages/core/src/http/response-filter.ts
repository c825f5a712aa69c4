import type { BodyKind, ChunkFilter, OutputFilter } from '../output/output-filter.js';

/**
 * The per-request side of the output filter that adapters drive: classify a response by its
 * content type, filter it whole or as a stream, and abort the upstream call when the client goes.
 */
export interface ResponseFilter {
  /** False when no output transform is configured: adapters can leave the response alone. */
  readonly active: boolean;
  kind(contentType: string | null | undefined): BodyKind;
  /** A whole response body as text (JSON, SSE or plain text), filtered; other kinds unchanged. */
  whole(kind: BodyKind, body: string): string;
  /** A parsed JSON response (e.g. `res.json(obj)`, a Koa `ctx.body` object). */
  json(value: unknown): unknown;
  stream(kind: 'sse' | 'text'): ChunkFilter;
  /** Filter a fetch `Response` (whole JSON or a streamed body). */
  response(response: Response): Promise<Response>;
  /** Aborted when the client disconnects; pass it to the upstream request. */
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

/** Classify a body by its media type. */
export function bodyKind(contentType: string | null | undefined): BodyKind {
  if (!contentType) return 'none';
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/plain') return 'text';
  return 'none';
}

export function createResponseFilter(output: OutputFilter): ResponseFilter {
  const controller = new AbortController();
  const whole = (kind: BodyKind, body: string): string => {
    if (!output.active) return body;
    if (kind === 'sse') return output.sse(body);
    if (kind === 'text') return output.text(body);
    if (kind !== 'json') return body;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return body;
    }
    const next = output.json(value);
    return next === value ? body : JSON.stringify(next);
  };
  return {
    active: output.active,
    kind: bodyKind,
    whole,
    json: (value) => (output.active ? output.json(value) : value),
    stream: (kind) => output.stream(kind),
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    async response(response) {
      const kind = bodyKind(response.headers.get('content-type'));
      if (!output.active || kind === 'none' || response.body === null) return response;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.delete('etag');
      const init = { status: response.status, statusText: response.statusText, headers };
      if (kind === 'json') return new Response(whole(kind, await response.text()), init);
      const filter = output.stream(kind);
      const encoder = new TextEncoder();
      const transformed = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, ctl) {
            const out = filter.push(chunk);
            if (out !== '') ctl.enqueue(encoder.encode(out));
          },
          flush(ctl) {
            const out = filter.end();
            if (out !== '') ctl.enqueue(encoder.encode(out));
          },
        }),
      );
      return new Response(transformed, init);
    },
  };
}
