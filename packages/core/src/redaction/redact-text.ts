import type { DetectorMatch } from '../types.js';
import { applyRedactions } from './apply-redactions.js';
import type { RedactionOperator } from './operators.js';

/**
 * Apply an operator to every match in a text (overlaps merged deterministically, as the guard does).
 * @example
 * redactText('mail jane@example.org', piiDetector().detect(t), label()) // 'mail [REDACTED_EMAIL]'
 */
export function redactText(text: string, matches: readonly DetectorMatch[], operator: RedactionOperator): string {
  if (matches.length === 0) return text;
  return applyRedactions(
    text,
    matches.map((m) => ({ start: m.start, end: m.end, replacement: operator(m.kind, text.slice(m.start, m.end)) })),
  );
}
