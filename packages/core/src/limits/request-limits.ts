import type { ResolvedConfig } from '../options.js';
import type { ErrorCode, Message, RequestParams } from '../types.js';

/** Why a request broke a limit; `null` when it did not. */
export interface LimitViolation {
  code: ErrorCode;
  message: string;
  param: string | null;
}

/** Depth of nested arrays/objects, stopping as soon as `max` is exceeded (iterative: no recursion on hostile input). */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Model allowlist and sampling-parameter bounds. */
export function checkParams(config: ResolvedConfig, params: RequestParams): LimitViolation | null {
  if (config.allowedModels !== false && params.model !== undefined) {
    const model = String(params.model);
    const ok = config.allowedModels.some((m) => (typeof m === 'string' ? m === model : m.test(model)));
    if (!ok) return { code: 'llmguard_model_not_allowed', message: 'The requested model is not allowed on this endpoint.', param: 'model' };
  }
  const p = config.params;
  if (p === false) return null;
  if (p.temperature !== false && outside(params.temperature, p.temperature.min, p.temperature.max)) {
    return range('temperature', p.temperature.min, p.temperature.max);
  }
  if (p.topP !== false && outside(params.topP, p.topP.min, p.topP.max)) return range('top_p', p.topP.min, p.topP.max);
  if (p.maxTokens !== false && outside(params.maxTokens, 1, p.maxTokens)) return range('max_tokens', 1, p.maxTokens);
  return null;
}

function outside(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && (value < min || value > max);
}

function range(param: string, min: number, max: number): LimitViolation {
  return { code: 'llmguard_parameter_out_of_range', message: `${param} must be between ${min} and ${max}.`, param };
}

/** Message count and character budgets. */
export function checkSizes(config: ResolvedConfig, messages: readonly Message[]): LimitViolation | null {
  const l = config.limits;
  if (l === false) return null;
  if (l.maxMessages !== false && messages.length > l.maxMessages) {
    return { code: 'llmguard_too_many_messages', message: `At most ${l.maxMessages} messages are allowed.`, param: 'messages' };
  }
  let total = 0;
  for (const m of messages) {
    total += m.text.length;
    if (l.maxCharsPerMessage !== false && m.text.length > l.maxCharsPerMessage) {
      return { code: 'llmguard_message_too_long', message: `A message is longer than ${l.maxCharsPerMessage} characters.`, param: m.path.join('.') };
    }
  }
  if (l.maxTotalChars !== false && total > l.maxTotalChars) {
    return { code: 'llmguard_message_too_long', message: `The messages are longer than ${l.maxTotalChars} characters in total.`, param: 'messages' };
  }
  return null;
}
