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
export { canonicalText, type CanonicalText, type CanonicalOptions, type CanonicalSignals, type PayloadKind } from './normalize/canonical-text.js';
export { promptInjection, explainInjection, type PromptInjectionOptions, type PromptInjectionDetector, type InjectionExplanation } from './detectors/injection/prompt-injection.js';
export { PRESET_THRESHOLDS as INJECTION_PRESET_THRESHOLDS, type InjectionPreset } from './detectors/injection/presets.js';
export { TECHNIQUES as INJECTION_TECHNIQUES, type TechniqueId as InjectionTechniqueId } from './detectors/injection/techniques.js';
export { piiDetector, PII_ENTITIES, type PiiDetector, type PiiDetectorOptions, type PiiEntity } from './detectors/pii/pii-detector.js';
export { customRecognizer, patternRecognizer, type CustomRecognizerOptions, type PatternRecognizerSpec, type Recognizer } from './detectors/pii/recognizer.js';
export { PRESIDIO_PHONE_REGIONS, PRESIDIO_TYPE_KINDS, kindMatchesPresidio, presidioKnownEntity, presidioPhoneRegion } from './detectors/pii/presidio-types.js';
export { ipKind, type IpRange } from './detectors/pii/ip-address.js';
export { secretsDetector, type SecretsDetector, type SecretsDetectorOptions } from './detectors/secrets/secrets-detector.js';
export { SECRET_RULES } from './detectors/secrets/catalogue.js';
export { SPECIAL_RULES as SECRET_SPECIAL_RULES } from './detectors/secrets/special-rules.js';
export { keyed as keyedSecretRule, prefixed as prefixedSecretRule, type SecretRule } from './detectors/secrets/secret-rule.js';
export { shannonEntropy } from './detectors/secrets/entropy.js';
export { label, mask, hash, remove, custom, type RedactionOperator, type MaskOptions, type HashOptions } from './redaction/operators.js';
export { entityOf } from './redaction/entity.js';
export { redactText } from './redaction/redact-text.js';
export { hmacSha256 } from './redaction/hmac-sha256.js';
export { memoryVault, placeholderFor, type PlaceholderVault, type MemoryVaultOptions } from './redaction/vault.js';
export { redisVault, type RedisVaultOptions, type RedisVaultClient } from './redaction/redis-vault.js';
export { pseudonymize, deanonymize, restorable, restorePolicy, DEFAULT_RESTORE_ENTITIES, type RestorePolicy, type PseudonymizeInput } from './redaction/pseudonymize.js';
export { restoreTransform } from './redaction/restore-transform.js';
export { conversationId } from './redaction/conversation-id.js';
export { pseudonymizer, type Pseudonymizer, type PseudonymizerOptions } from './redaction/pseudonymizer.js';
export { secret, isSecret, type Secret, type SecretOptions } from './secrets/secret.js';
export { loadSecrets, secretFormats, type SecretSchema, type LoadedSecrets, type LoadSecretsOptions } from './secrets/load-secrets.js';
export { logRedactor, pinoRedaction, type LogRedactorOptions, type PinoRedactionOptions, type PinoRedactionConfig } from './logging/log-redactor.js';
export { redactPaths, SENSITIVE_HEADERS, SENSITIVE_BODY_FIELDS, type RedactPathsOptions } from './logging/redact-paths.js';
