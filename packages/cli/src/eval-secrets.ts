import { secretsDetector } from '@llmguard/core';
import { evaluateLabelled } from './eval-labelled.js';
import { FINDING_THRESHOLD, type InputError } from './eval-support.js';

/**
 * `llmguard eval --task secrets FILE.jsonl ...`: a row is flagged when the secrets detector has
 * any finding at or above the default rule threshold. Same fields as the injection task.
 */
export function evaluateSecrets(files: readonly string[], fail: InputError): string {
  const detector = secretsDetector();
  return evaluateLabelled({ task: 'secrets' }, files, (text) => detector.detect(text).some((m) => m.score >= FINDING_THRESHOLD), fail);
}
