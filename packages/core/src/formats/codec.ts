import type { ZodType } from 'zod';
import type { ErrorStyle } from '../errors.js';
import type { Message, RequestParams } from '../types.js';

/** A text field in a response body, with a stable key (choice or content index). */
export interface ResponseText {
  key: string;
  text: string;
}

/** What a stream codec sees in one SSE event and how to write it back. */
export interface StreamEventPlan {
  /** Text deltas carried by this event, in order. */
  deltas: readonly ResponseText[];
  /** Stream keys whose text is complete once this event is written (`all` for the terminal event). */
  ends: readonly string[] | 'all';
  /** Rebuild the event data with the filtered delta texts and a mapper for whole texts it repeats. */
  write(deltaTexts: readonly string[], mapWhole: (text: string) => string): unknown;
  /** Build a delta event for `key` carrying `text`, modelled on this event (to flush held-back text). */
  synthesize?(key: string, text: string): { event: string | undefined; data: unknown };
}

/**
 * A request format: reads the texts to scan from a body, validates its shape and exposes the
 * response texts of its JSON and SSE answers. Built-in codecs live beside this file; pass your
 * own as `format` for other APIs.
 */
export interface FormatCodec {
  id: string;
  errorStyle: ErrorStyle;
  /** Does a URL path belong to this format (`/v1/chat/completions`)? */
  matchesRoute(path: string): boolean;
  /** Does a parsed body look like this format (used when the route says nothing)? */
  matchesBody(body: Record<string, unknown>): boolean;
  schema: ZodType;
  /** Texts of the body with their roles and paths. */
  read(body: unknown): Message[];
  params(body: unknown): RequestParams;
  /** Model texts of a whole JSON response, rewritten through `map`. */
  mapResponse(body: unknown, map: (text: string) => string): unknown;
  /** Classify one SSE event of a streamed response; `null` passes it through untouched. */
  planStreamEvent(event: string | undefined, data: unknown): StreamEventPlan | null;
}
