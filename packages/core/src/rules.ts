import type { Action, Detector } from './types.js';

/** A detector paired with what to do about its matches. */
export interface Rule {
  id: string;
  action: Action;
  detector: Detector;
  /** Matches scoring below this are ignored. */
  threshold: number;
  /** Text that replaces a redacted span; receives the match kind and the matched text. */
  replacement: (kind: string, value: string) => string;
  /** Redact with consistent, reversible placeholders (`<EMAIL_1>`) kept in the guard's vault. */
  pseudonymize: boolean;
}

/** Options shared by the rule factories. */
export interface RuleOptions {
  /** Rule id (defaults to the detector id); appears in findings and audit events. */
  id?: string;
  /** Minimum score in 0..1 for a match to count (default 0.5). */
  threshold?: number;
}

export interface RedactRuleOptions extends RuleOptions {
  /** Replacement text, or a function of the match kind and text such as `label()` or `mask()` (default `[REDACTED]`). */
  replacement?: string | ((kind: string, value: string) => string);
  /**
   * Replace with per-conversation placeholders (`<EMAIL_1>`) instead, kept in the guard's vault and
   * restored in answers where `redaction.restore` allows.
   */
  pseudonymize?: boolean;
}

const DEFAULT_THRESHOLD = 0.5;

function makeRule(action: Action, detector: Detector, options: RedactRuleOptions = {}): Rule {
  if (detector === null || typeof detector !== 'object' || typeof detector.detect !== 'function') {
    throw new TypeError(`${action}() expects a detector object with an id and a detect(text) function`);
  }
  const replacement = options.replacement ?? '[REDACTED]';
  return Object.freeze({
    id: options.id ?? detector.id,
    action,
    detector,
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    replacement: typeof replacement === 'function' ? replacement : () => replacement,
    pseudonymize: action === 'redact' && options.pseudonymize === true,
  });
}

/**
 * Deny the request when the detector matches at or above the threshold.
 * @example
 * createGuard({ rules: [block(customPatterns({ deny: ['rm -rf /'] }))] })
 */
export function block(detector: Detector, options?: RuleOptions): Rule {
  return makeRule('block', detector, options);
}

/**
 * Replace matched spans in the forwarded text.
 * @example
 * redact(customPatterns({ deny: [/\bACME-\d{6}\b/] }), { replacement: '[ACCOUNT]' })
 * redact(piiDetector(), { pseudonymize: true }) // <EMAIL_1>, restored in the answer
 */
export function redact(detector: Detector, options?: RedactRuleOptions): Rule {
  return makeRule('redact', detector, options);
}

/**
 * Record findings only (shadow mode): nothing is blocked or changed.
 * @example
 * report(customPatterns({ deny: ['password'] }))
 */
export function report(detector: Detector, options?: RuleOptions): Rule {
  return makeRule('report', detector, options);
}
