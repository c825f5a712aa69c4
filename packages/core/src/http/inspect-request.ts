import { errorEnvelope, type ErrorStyle, statusOf } from '../errors.js';
import { BUILTIN_FORMATS, detectFormat } from '../formats/detect-format.js';
import type { Guard } from '../guard.js';
import type { AllowDecision, DenyDecision, ErrorCode } from '../types.js';
import { declaresBody, type HeadersLike, headerValue, requestIdFrom } from './headers.js';
import { type HttpBody, readJsonBody } from './read-body.js';
import { createResponseFilter, type ResponseFilter } from './response-filter.js';

/** What an adapter knows about an incoming request. */
export interface HttpRequestInput {
  method: string;
  /** Path with optional query string, e.g. `/v1/chat/completions`. */
  url: string;
  headers: HeadersLike;
  body: HttpBody;
}

/** What the adapter must do next. */
export type HttpInspection =
  /** Not a guarded method: continue untouched. */
  | { type: 'pass' }
  /** Answer now with this status, headers and JSON body. */
  | { type: 'respond'; status: number; headers: Record<string, string>; body: string; decision: DenyDecision; requestId: string }
  /** Hand the guarded body to the handler and filter its response. */
  | {
      type: 'forward';
      /** The guarded body, parsed. */
      body: unknown;
      /** The guarded body as JSON text (the original bytes when nothing changed). */
      bodyText: string;
      /** Headers to set on the response (the request id). */
      headers: Record<string, string>;
      decision: AllowDecision;
      requestId: string;
      response: ResponseFilter;
    };

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } as const;

/**
 * The edge of core that adapters call: read the body, run the guard, and say what to do.
 * Never throws for bad input; an unexpected error becomes a 500 with code `llmguard_internal_error`.
 * @example
 * const next = await inspectRequest(guard, { method: 'POST', url: '/v1/chat/completions', headers, body: { type: 'stream', stream: req } });
 */
export async function inspectRequest(guard: Guard, input: HttpRequestInput): Promise<HttpInspection> {
  const config = guard.config;
  if (!config.methods.has(input.method.toUpperCase())) return { type: 'pass' };
  const requestId = requestIdFrom(config.requestIdHeader === false ? undefined : headerValue(input.headers, config.requestIdHeader));
  const idHeaders: Record<string, string> = config.requestIdHeader === false ? {} : { [config.requestIdHeader]: requestId };
  const route = input.url;
  const styleFor = (format: string): ErrorStyle =>
    (BUILTIN_FORMATS as Record<string, { errorStyle: ErrorStyle }>)[format]?.errorStyle ??
    (config.format !== 'auto' ? config.format.errorStyle : (detectFormat(route, undefined)?.errorStyle ?? 'openai'));
  const respond = (decision: DenyDecision): HttpInspection => ({
    type: 'respond',
    status: decision.status,
    headers: { ...JSON_HEADERS, ...idHeaders },
    body: JSON.stringify(errorEnvelope(styleFor(decision.format), decision.code, decision.message, decision.param)),
    decision,
    requestId,
  });
  const fail = (code: ErrorCode, message: string) =>
    respond({ allowed: false, format: 'unknown', code, status: statusOf(code), message, param: null, findings: [] });

  try {
    const maxBytes = config.limits === false ? false : config.limits.maxBodyBytes;
    const declared = Number(headerValue(input.headers, 'content-length'));
    if (maxBytes !== false && Number.isFinite(declared) && declared > maxBytes) {
      return fail('llmguard_payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
    }
    // A stream read by someone else is only a misuse if the request had a body to read.
    const body = input.body.type === 'consumed' && !declaresBody(input.headers) ? ({ type: 'none' } as const) : input.body;
    const read = await readJsonBody(body, maxBytes);
    if (!read.ok) return fail(read.code, read.message);
    const decision = await guard.check({ body: read.value, route, bodyBytes: read.bytes });
    if (!decision.allowed) return respond(decision);
    const unchanged = decision.body === read.value && read.text !== undefined;
    return {
      type: 'forward',
      body: decision.body,
      bodyText: unchanged ? (read.text as string) : JSON.stringify(decision.body),
      headers: idHeaders,
      decision,
      requestId,
      response: createResponseFilter(guard.output(decision.format, decision.restore)),
    };
  } catch {
    // A bug, not an expected outcome: answer without internals.
    return fail('llmguard_internal_error', 'The request could not be checked.');
  }
}
