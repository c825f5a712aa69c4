import type { ErrorCode } from './types.js';

/**
 * Thrown by `createGuard()` (and the adapters' factories) when options are invalid.
 * The message names the option path, what was received and how to fix it.
 * @example
 * try { createGuard({ limits: { maxBodyBytes: -1 } }); } catch (e) { if (e instanceof LlmGuardConfigError) console.error(e.code, e.message); }
 */
export class LlmGuardConfigError extends Error {
  override readonly name = 'LlmGuardConfigError';
  readonly code = 'ERR_LLMGUARD_OPTIONS';
  constructor(message: string) {
    super(message);
  }
}

/** Wire shape of an error for one endpoint family. */
export type ErrorStyle = 'openai' | 'anthropic';

interface CodeInfo {
  status: number;
  openaiType: string;
  anthropicType: string;
}

/** Status and provider error types for every stable code (see README, "Error codes"). */
export const ERROR_CODES: Readonly<Record<ErrorCode, CodeInfo>> = Object.freeze({
  llmguard_invalid_json: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_invalid_request: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_invalid_encoding: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_payload_too_large: { status: 413, openaiType: 'invalid_request_error', anthropicType: 'request_too_large' },
  llmguard_too_many_messages: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_message_too_long: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_model_not_allowed: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_parameter_out_of_range: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_blocked_content: { status: 400, openaiType: 'invalid_request_error', anthropicType: 'invalid_request_error' },
  llmguard_internal_error: { status: 500, openaiType: 'server_error', anthropicType: 'api_error' },
});

/** HTTP status for a code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

/**
 * The JSON error body in the endpoint's own language.
 * @example
 * errorEnvelope('anthropic', 'llmguard_blocked_content', 'Blocked', null)
 * // { type: 'error', error: { type: 'invalid_request_error', message: 'Blocked' } }
 */
export function errorEnvelope(style: ErrorStyle, code: ErrorCode, message: string, param: string | null): unknown {
  const info = ERROR_CODES[code];
  if (style === 'anthropic') {
    return { type: 'error', error: { type: info.anthropicType, message, code } };
  }
  return { error: { message, type: info.openaiType, code, param } };
}
