export { guardFetch, llmGuardState, type FetchHandler, type LlmGuardState } from './guard-fetch.js';
export { withLlmGuard } from './with-llm-guard.js';
export {
  block,
  customPatterns,
  LlmGuardConfigError,
  redact,
  report,
  type CustomPatternsOptions,
  type Decision,
  type GuardOptions,
} from '@llmguard/core';
