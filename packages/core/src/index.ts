export { createGuard, type Guard } from './guard.js';
export { resolveOptions, type GuardOptions, type ResolvedConfig } from './options.js';
export { block, redact, report, type Rule, type RuleOptions, type RedactRuleOptions } from './rules.js';
export { LlmGuardConfigError, ERROR_CODES, errorEnvelope, statusOf, type ErrorStyle } from './errors.js';
export type {
  Action,
  AllowDecision,
  BodyPath,
  Decision,
  DenyDecision,
  Detector,
  DetectorMatch,
  ErrorCode,
  Finding,
  FormatId,
  GuardRequest,
  Message,
  RequestParams,
  Role,
} from './types.js';
export { customPatterns, type CustomPatternsOptions } from './detectors/patterns/custom-patterns.js';
export { normalizeText, hasLoneSurrogate, type NormalizeOptions } from './normalize/normalize-text.js';
export { applyRedactions, type Redaction } from './redaction/apply-redactions.js';
export type { FormatCodec, ResponseText, StreamEventPlan } from './formats/codec.js';
export { BUILTIN_FORMATS, detectFormat } from './formats/detect-format.js';
export { openaiChat } from './formats/openai-chat.js';
export { openaiResponses } from './formats/openai-responses.js';
export { anthropicMessages } from './formats/anthropic-messages.js';
export { plain } from './formats/plain.js';
export { createSseParser, serializeSseEvent, type SseEvent, type SseParser } from './formats/sse.js';
export type { OutputTransform } from './output/transform.js';
export { escapeHtml } from './output/escape-html.js';
export { patternTransform, type PatternTransformOptions } from './output/pattern-transform.js';
export { streamText, type TextStream } from './output/stream-text.js';
export { createOutputFilter, type OutputFilter, type ChunkFilter, type BodyKind } from './output/output-filter.js';
export { inspectRequest, type HttpInspection, type HttpRequestInput } from './http/inspect-request.js';
export type { HttpBody } from './http/read-body.js';
export type { HeadersLike } from './http/headers.js';
export { bodyKind, type ContentType, type ResponseFilter } from './http/response-filter.js';
