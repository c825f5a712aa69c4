import type { BodyKind, ChunkFilter, OutputFilter } from '../output/output-filter.js';

/**
 * The per-request side of the output filter that adapters drive: classify a response by its
 * content type, filter it whole or as a stream, and abort the upstream call when the client goes.
 */
export interface ResponseFilter {
  /** False when no output transform is configured: adapters can leave the response alone. */
  readonly active: boolean;
  /** How to treat a response: by its content type, and `none` for responses without a body (HEAD, 204, 304). */
  kind(contentType: ContentType, response?: { method?: string; status?: number }): BodyKind;
  /** A whole response body as text (JSON, SSE or plain text), filtered; other kinds unchanged. */
  whole(kind: BodyKind, body: string): string;
  /** A parsed JSON response (e.g. `res.json(obj)`, a Koa `ctx.body` object). */
  json(value: unknown): unknown;
  stream(kind: 'sse' | 'text' | 'json'): ChunkFilter;
  /** Filter a fetch `Response` (whole JSON or a streamed body). */
  response(response: Response): Promise<Response>;
  /** Aborted when the client disconnects; pass it to the upstream request. */
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

/** A Content-Type header value in any shape adapters have it (Node allows numbers and arrays). */
export type ContentType = string | number | readonly string[] | null | undefined;

/** Classify a body by its media type. */
export function bodyKind(contentType: ContentType): BodyKind {
  const value = Array.isArray(contentType) ? contentType[0] : contentType;
  if (typeof value !== 'string' || value === '') return 'none';
  const type = (value.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/plain') return 'text';
  return 'none';
}

/** RFC 9110, sections 9.3.2, 15.3.5 and 15.4.5: HEAD answers, 204 and 304 carry no content. */
function isBodiless(r: { method?: string; status?: number }): boolean {
  return r.method?.toUpperCase() === 'HEAD' || r.status === 204 || r.status === 304;
}

export function createResponseFilter(output: OutputFilter): ResponseFilter {
  const controller = new AbortController();
  const whole = (kind: BodyKind, body: string): string => {
    if (!output.active) return body;
    if (kind === 'sse') return output.sse(body);
    if (kind === 'text') return output.text(body);
    return kind === 'json' ? output.jsonText(body) : body;
  };
  return {
    active: output.active,
    kind: (contentType, response) => (response !== undefined && isBodiless(response) ? 'none' : bodyKind(contentType)),
    whole,
    json: (value) => (output.active ? output.json(value) : value),
    stream: (kind) => output.stream(kind),
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    async response(response) {
      const kind = bodyKind(response.headers.get('content-type'));
      if (!output.active || kind === 'none' || response.body === null) return response;
      const headers = new Headers(response.headers);
      // The body changes: its length and validators go, and so does Content-Encoding, because the
      // text is read decoded (fetch() decodes but keeps the header); compress after the guard.
      headers.delete('content-length');
      headers.delete('etag');
      headers.delete('content-encoding');
      const init = { status: response.status, statusText: response.statusText, headers };
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
