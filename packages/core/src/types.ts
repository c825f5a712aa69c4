import type { OutputTransform } from './output/transform.js';

/** Roles a message can have across the supported formats. */
export type Role = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

/** A path into a request body, e.g. `['messages', 2, 'content', 0, 'text']`. */
export type BodyPath = readonly (string | number)[];

/** One piece of text a codec read out of a request body. */
export interface Message {
  role: Role;
  text: string;
  /** Where the text lives in the body, so the codec can write it back. */
  path: BodyPath;
  /** `text` for ordinary content, `tool_result` for tool output fed back to the model. */
  source: 'text' | 'tool_result' | 'system';
}

/** Built-in request formats. */
export type FormatId = 'openai-chat' | 'openai-responses' | 'anthropic-messages' | 'plain';

/** Sampling parameters a codec exposes for bounds checks. */
export interface RequestParams {
  model?: unknown;
  temperature?: unknown;
  topP?: unknown;
  maxTokens?: unknown;
}

/** What `guard.check()` receives: a parsed body and, optionally, the route it arrived on. */
export interface GuardRequest {
  body: unknown;
  /** URL path, used to auto-detect the format (`/v1/chat/completions`, `/v1/messages`, ...). */
  route?: string;
  /** Size of the raw body in bytes when the caller knows it (for the body limit). */
  bodyBytes?: number;
}

/** Actions a rule can take on a finding. */
export type Action = 'block' | 'redact' | 'report';

/** A raw match from a detector: offsets into the scanned text, never the text itself. */
export interface DetectorMatch {
  start: number;
  end: number;
  /** What was found, e.g. `custom.deny` or `pii.email`. */
  kind: string;
  /** Confidence in 0..1. */
  score: number;
}

/**
 * A detector: a plain object with an id and a pure, synchronous `detect()`.
 * @example
 * const shout: Detector = { id: 'custom.shout', detect: (t) => (/!!!/.test(t) ? [{ start: 0, end: t.length, kind: 'custom.shout', score: 1 }] : []) };
 */
export interface Detector {
  id: string;
  /**
   * Matches in `text` (the normalised text the guard forwards). `context.original` is the text as
   * sent, for signals that normalisation removes (invisible tag characters, for instance).
   */
  detect(text: string, context?: DetectContext): readonly DetectorMatch[];
}

/** What else a detector may look at besides the text it scans. */
export interface DetectContext {
  original: string;
  /** Where the text came from: a tool result or an attached document is data, not a request. */
  source?: Message['source'];
}

/** A finding: where and what, by which rule; it never carries the matched text. */
export interface Finding {
  ruleId: string;
  detectorId: string;
  kind: string;
  action: Action;
  score: number;
  /** Index of the message among those the codec read. */
  messageIndex: number;
  role: Role;
  start: number;
  end: number;
}

/** Stable error codes; documented in the README. */
export type ErrorCode =
  | 'llmguard_invalid_json'
  | 'llmguard_invalid_request'
  | 'llmguard_invalid_encoding'
  | 'llmguard_payload_too_large'
  | 'llmguard_too_many_messages'
  | 'llmguard_message_too_long'
  | 'llmguard_model_not_allowed'
  | 'llmguard_parameter_out_of_range'
  | 'llmguard_blocked_content'
  | 'llmguard_internal_error';

/** The outcome of `guard.check()`. Expected outcomes are values, never exceptions. */
export type Decision = AllowDecision | DenyDecision;

export interface AllowDecision {
  allowed: true;
  format: string;
  /** The body with guarded texts written back (the same object when nothing changed). */
  body: unknown;
  messages: readonly Message[];
  findings: readonly Finding[];
  /**
   * Per-request output transform restoring this conversation's placeholders (`<EMAIL_1>`) in the
   * answer, where `redaction.restore` allows; `undefined` when there is nothing to restore.
   */
  restore?: OutputTransform | undefined;
}

export interface DenyDecision {
  allowed: false;
  /** Format id, or `unknown` when the body could not be read. */
  format: string;
  code: ErrorCode;
  status: number;
  /** Human-readable, safe to show to the caller (no matched text, no internals). */
  message: string;
  /** Body field the error is about, when there is one. */
  param: string | null;
  findings: readonly Finding[];
}
