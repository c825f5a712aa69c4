import type { DetectorMatch } from '../types.js';
import { entityOf } from './entity.js';
import type { PlaceholderVault } from './vault.js';

/** Which entities are restored in the model's answer. */
export type RestorePolicy = (entity: string) => boolean;

/**
 * The default restoration policy: names and e-mail addresses come back in the answer (they make
 * it readable), never card numbers, bank accounts, national ids or secrets.
 */
export const DEFAULT_RESTORE_ENTITIES: readonly string[] = Object.freeze(['PERSON_NAME', 'EMAIL']);

/**
 * Build a restore policy from a list of entity names (`'EMAIL'`, `'PERSON_NAME'`, `'PHONE'`,
 * ...), `true` (everything except secrets and payment cards) or `false` (nothing).
 * @example
 * restorePolicy(['PERSON_NAME', 'EMAIL', 'PHONE'])
 */
export function restorePolicy(allow: readonly string[] | boolean = DEFAULT_RESTORE_ENTITIES): RestorePolicy {
  if (allow === false) return () => false;
  if (allow === true) return (entity) => entity !== 'SECRET' && entity !== 'CREDIT_CARD';
  const set = new Set(allow.map((e) => e.toUpperCase()));
  return (entity) => set.has(entity);
}

/** One text to pseudonymise and the matches found in it. */
export interface PseudonymizeInput {
  text: string;
  matches: readonly DetectorMatch[];
}

/**
 * Replace every match with its conversation placeholder (`<EMAIL_1>`), the same placeholder for
 * the same value across all messages of the conversation. Overlapping matches are merged first
 * (the longest span at a start wins), so a placeholder always stands for exactly one value.
 * @example
 * const [out] = await pseudonymize(vault, 'conv-42', [{ text, matches: piiDetector().detect(text) }]);
 */
export async function pseudonymize(vault: PlaceholderVault, conversationId: string, inputs: readonly PseudonymizeInput[]): Promise<string[]> {
  const spans = inputs.map(({ text, matches }) => mergeSpans(text, matches));
  const entries = spans.flatMap((list) => list.map((s) => ({ entity: s.entity, value: s.value })));
  const placeholders = entries.length === 0 ? [] : await vault.assign(conversationId, entries);
  let k = 0;
  return inputs.map(({ text }, i) => {
    let out = '';
    let at = 0;
    for (const s of spans[i] as Span[]) {
      out += text.slice(at, s.start) + (placeholders[k++] as string);
      at = s.end;
    }
    return out + text.slice(at);
  });
}

interface Span {
  start: number;
  end: number;
  entity: string;
  value: string;
}

function mergeSpans(text: string, matches: readonly DetectorMatch[]): Span[] {
  const sorted = [...matches].filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && m.start < last.end) {
      if (m.end > last.end) {
        last.end = m.end;
        last.value = text.slice(last.start, last.end);
      }
      continue;
    }
    out.push({ start: m.start, end: m.end, entity: entityOf(m.kind), value: text.slice(m.start, m.end) });
  }
  return out;
}

/**
 * The placeholder map to restore in an answer, filtered by the policy (entity read from the
 * placeholder itself).
 * @example
 * const restore = restorable(await vault.load('conv-42'), restorePolicy());
 */
export function restorable(map: ReadonlyMap<string, string>, policy: RestorePolicy = restorePolicy()): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, v] of map) {
    const m = /^<([A-Z0-9_]+)_\d+>$/.exec(p);
    if (m !== null && policy(m[1] as string)) out.set(p, v);
  }
  return out;
}

/**
 * Put the original values back into a text (the inverse of `pseudonymize` for the placeholders in `map`).
 * @example
 * deanonymize('Hello <PERSON_NAME_1>', new Map([['<PERSON_NAME_1>', 'Ada']])) // 'Hello Ada'
 */
export function deanonymize(text: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0 || text.indexOf('<') === -1) return text;
  return text.replace(PLACEHOLDER, (p) => map.get(p) ?? p);
}

/** A placeholder as written by the vaults: `<ENTITY_n>`. */
export const PLACEHOLDER = /<[A-Z][A-Z0-9_]*_\d{1,9}>/g;
