import { LlmGuardConfigError } from '../../errors.js';
import type { Detector, DetectorMatch } from '../../types.js';
import { findAssignments } from './assignments.js';
import { SECRET_RULES } from './catalogue.js';
import { isPlaceholder, longestSequence, shannonEntropy } from './entropy.js';
import { GENERIC_KEYWORDS, GENERIC_VALUE, genericSecretScore, passwordKey, secretKey } from './generic-secret.js';
import { keywordIndex } from './keyword-index.js';
import type { SecretRule } from './secret-rule.js';
import { SPECIAL_RULES, type SpecialRule } from './special-rules.js';

/** Options of `secretsDetector()`. */
export interface SecretsDetectorOptions {
  /** Rule ids to leave out (e.g. `['jwt']` when JWTs are expected in prompts). */
  exclude?: readonly string[];
  /** The `key = "value"` detector with entropy and stop-word checks (default true). */
  generic?: boolean;
  /** More rules in the catalogue's row format, checked like the built-ins. */
  rules?: readonly SecretRule[];
}

/** A secrets detector: a `Detector` plus the catalogue it runs and the stream hold-back it needs. */
export interface SecretsDetector extends Detector {
  readonly maxMatchLength: number;
  /** Ids of every rule it runs (catalogue, special rules and `generic`). */
  readonly ruleIds: readonly string[];
}

const PREFIXED = 0.95;
const KEYED = 0.85;
// A value read for a keyed rule must end at one of these (quotes, spaces, separators, escapes).
const TERMINATOR = "(?=[`'\"\\s;,)\\]}<>|\\\\&]|$)";
// A long ascending run ("abcdefghijklmnop") is typed by hand, never drawn at random.
const MAX_SEQUENCE = 16;

interface Compiled {
  /** Position in the rule list (for the per-call "already run" stamps). */
  n: number;
  rule: SecretRule;
  keywordIds: number[];
  pattern?: RegExp;
  value?: RegExp;
}

function acceptable(rule: SecretRule, secret: string): boolean {
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (/(?:x{6,}|X{6,}|\*{4,}|•{3,})/.test(secret) || longestSequence(secret) >= MAX_SEQUENCE) return false;
  return rule.validate === undefined || rule.validate(secret);
}

/**
 * Detect credentials: a catalogue of provider formats (prefixed tokens found anywhere, and
 * provider-keyed values found in assignments), special shapes (private keys, JWTs, connection
 * strings, auth headers, ...) and a generic `key/secret/token/password = "..."` detector with
 * Shannon entropy and stop words. One Aho-Corasick pass over the text decides which rules run,
 * so the cost does not grow with the number of rules. Findings have the kind `secret.<rule-id>`
 * and cover the secret value only, so a redaction keeps the key readable.
 * @example
 * createGuard({ rules: [redact(secretsDetector(), { replacement: (kind) => '[REDACTED_SECRET]' })] })
 */
export function secretsDetector(options: SecretsDetectorOptions = {}): SecretsDetector {
  const excluded = new Set(options.exclude ?? []);
  const all = [...SECRET_RULES, ...(options.rules ?? [])];
  const ids = new Set<string>();
  for (const r of all) {
    if (r === null || typeof r !== 'object' || typeof r.id !== 'string' || (r.pattern === undefined) === (r.value === undefined)) {
      throw new LlmGuardConfigError('secretsDetector(): each rule needs an id and exactly one of "pattern" or "value" (see SecretRule)');
    }
    if (ids.has(r.id)) throw new LlmGuardConfigError(`secretsDetector(): duplicate rule id "${r.id}"`);
    ids.add(r.id);
  }
  const rules = all.filter((r) => !excluded.has(r.id));
  const specials = SPECIAL_RULES.filter((r) => !excluded.has(r.id));
  const generic = options.generic !== false && !excluded.has('generic');

  // One keyword list for the automaton; rules refer to keywords by index.
  const keywords: string[] = [];
  const idOf = new Map<string, number>();
  const ref = (k: string) => {
    const key = k.toLowerCase();
    let i = idOf.get(key);
    if (i === undefined) {
      i = keywords.length;
      keywords.push(key);
      idOf.set(key, i);
    }
    return i;
  };
  const compiled: Compiled[] = rules.map((rule, n) => ({
    n,
    rule,
    keywordIds: rule.keywords.map(ref),
    ...(rule.pattern !== undefined
      ? { pattern: new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`) }
      : { value: new RegExp(`(?:${(rule.value as RegExp).source})${TERMINATOR}`, `${(rule.value as RegExp).flags.replace(/[gy]/g, '')}y`) }),
  }));
  const specialIds = specials.map((s) => s.keywords.map(ref));
  const genericIds = GENERIC_KEYWORDS.map(ref);
  const prefixedRules = compiled.filter((c) => c.pattern !== undefined);
  const keyedRules = compiled.filter((c) => c.value !== undefined);
  const index = keywordIndex(keywords);
  // Distinctive prefixes of prefixed rules (long enough not to be ordinary text).
  const markers = [...new Set(prefixedRules.flatMap((c) => c.rule.keywords).filter((k) => k.length >= 5 && /[_\-.$~]/.test(k)))];
  // Any marker in a (lower-cased) value: one scan instead of a substring search per marker.
  const anyMarker = markers.length === 0 ? /(?!)/ : new RegExp(markers.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

  // Keyword index -> the rules it switches on, so a detect() only visits rules whose keyword occurs.
  const prefixedBy: Compiled[][] = keywords.map(() => []);
  const keyedBy: Compiled[][] = keywords.map(() => []);
  const specialBy: number[][] = keywords.map(() => []);
  for (const c of prefixedRules) for (const k of c.keywordIds) (prefixedBy[k] as Compiled[]).push(c);
  for (const c of keyedRules) for (const k of c.keywordIds) (keyedBy[k] as Compiled[]).push(c);
  specialIds.forEach((list, i) => list.forEach((k) => (specialBy[k] as number[]).push(i)));
  const genericSet = new Set(genericIds);
  const hits = new Uint8Array(keywords.length);
  // Keywords whose occurrences anchor an assignment (keyed rules and the generic detector).
  const track = new Uint8Array(keywords.length);
  for (const c of keyedRules) for (const k of c.keywordIds) track[k] = 1;
  if (generic) for (const k of genericIds) track[k] = 1;
  const positions: number[] = [];
  // Keys repeat (every line of an .env file, every turn of a conversation): memoise the verdict.
  const keyVerdicts = new Map<string, boolean>();
  const isSecretKey = (key: string): boolean => {
    let v = keyVerdicts.get(key);
    if (v === undefined) {
      v = secretKey(key);
      if (keyVerdicts.size >= 1024) keyVerdicts.clear();
      keyVerdicts.set(key, v);
    }
    return v;
  };
  // Per-call stamps instead of clearing arrays: a rule ran in this call when its stamp is current.
  const ranAt = new Uint32Array(compiled.length);
  const keyedAt = new Uint32Array(compiled.length);
  const specialAt = new Uint32Array(specials.length);
  const found: number[] = [];
  let call = 0;

  return {
    id: 'secrets.credentials',
    ruleIds: Object.freeze([...rules.map((r) => r.id), ...specials.map((s) => s.id), ...(generic ? ['generic'] : [])]),
    maxMatchLength: 8192,
    detect(text) {
      if (text.length < 8) return [];
      // Emptied only when used (setting an array's length is a runtime call).
      if (positions.length !== 0) positions.length = 0;
      if (found.length !== 0) found.length = 0;
      index.scan(text, hits, track, positions, found);
      for (const k of found) hits[k] = 0;
      if (found.length === 0) return [];
      call = call === 0xffffffff ? 1 : call + 1;
      const out: DetectorMatch[] = [];
      const keyedLive: Compiled[] = [];
      const specialLive: number[] = [];
      let genericLive = false;
      for (const k of found) {
        for (const c of prefixedBy[k] as Compiled[]) {
          if (ranAt[c.n] === call) continue;
          ranAt[c.n] = call;
          runPrefixed(c, text, out);
        }
        for (const c of keyedBy[k] as Compiled[]) {
          if (keyedAt[c.n] === call) continue;
          keyedAt[c.n] = call;
          keyedLive.push(c);
        }
        for (const i of specialBy[k] as number[]) {
          if (specialAt[i] === call) continue;
          specialAt[i] = call;
          specialLive.push(i);
        }
        if (genericSet.has(k)) genericLive = true;
      }
      for (const i of specialLive) (specials[i] as SpecialRule).find(text, out);

      if (keyedLive.length > 0 || (generic && genericLive)) {
        const before = out.length;
        const covered = coverage(out.slice(0, before));
        for (const a of findAssignments(text, positions)) {
          const key = a.key.toLowerCase();
          let matched = false;
          for (const c of keyedLive) {
            if (!c.rule.keywords.some((k) => keyNames(a.key, key, k))) continue;
            const re = c.value as RegExp;
            re.lastIndex = a.valueStart;
            const m = re.exec(text);
            if (m === null || isPlaceholder(m[0]) || !acceptable(c.rule, m[0])) continue;
            out.push({ start: a.valueStart, end: a.valueStart + m[0].length, kind: `secret.${c.rule.id}`, score: KEYED });
            matched = true;
          }
          if (matched || !generic) continue;
          GENERIC_VALUE.lastIndex = a.valueStart;
          const v = GENERIC_VALUE.exec(text);
          // Generic values are at least 8 characters: check that before anything costlier.
          if (v === null || v[0].length < 8 || !isSecretKey(a.key) || covered(a.valueStart)) continue;
          // A value carrying a provider's marker (`sk_test_`, `sm_pat_`) is judged by that provider's format.
          const lowerValue = v[0].toLowerCase();
          if (anyMarker.test(lowerValue)) continue;
          const score = genericSecretScore(a.key, v[0]);
          if (score > 0) out.push({ start: a.valueStart, end: a.valueStart + v[0].length, kind: passwordKey(a.key) ? 'secret.password' : 'secret.generic', score });
        }
      }
      return mostSpecific(out);
    },
  };
}

function runPrefixed(c: Compiled, text: string, out: DetectorMatch[]): void {
  const re = c.pattern as RegExp;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (acceptable(c.rule, m[0])) out.push({ start: m.index, end: m.index + m[0].length, kind: `secret.${c.rule.id}`, score: PREFIXED });
  }
}

/**
 * A test of whether an offset lies inside one of `spans` (the findings before the assignments are
 * read): spans sorted by start with the furthest end of each prefix, so each test is a binary
 * search (a text with thousands of tokens and thousands of assignments does not cost their product).
 */
function coverage(spans: { start: number; end: number }[]): (offset: number) => boolean {
  if (spans.length === 0) return () => false;
  spans.sort((a, b) => a.start - b.start);
  const reach = new Float64Array(spans.length);
  let furthest = -Infinity;
  spans.forEach((o, i) => (reach[i] = furthest = Math.max(furthest, o.end)));
  return (offset) => {
    let lo = 0;
    let hi = spans.length; // the spans starting at or before the offset are [0, lo)
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((spans[mid] as { start: number }).start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] as number) > offset;
  };
}

/**
 * True when the provider keyword appears in the key as a word of its own: at the start, after a
 * separator or at a camelCase boundary, and written in one case (`adafruitToken`, `AWS_TOKEN`,
 * `Etsy_key`, `MessageBirdToken`), not inside another word (`SetSysctl`, `rookTable`, `sumOfExposures`).
 */
function keyNames(key: string, lower: string, keyword: string): boolean {
  for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) {
    const prev = at === 0 ? '' : (key[at - 1] as string);
    const first = key[at] as string;
    const boundary = at === 0 || !/[A-Za-z]/.test(prev) || (/[a-z]/.test(prev) && /[A-Z]/.test(first)) || /[0-9]/.test(prev);
    if (!boundary) continue;
    const word = key.slice(at, at + keyword.length);
    const letters = word.replace(/[^A-Za-z]/g, '');
    if (letters === letters.toLowerCase() || letters === letters.toUpperCase() || /^[A-Z][a-z]*$/.test(letters)) return true;
    // CamelCase provider names (MessageBird, sonarToken) must end where a word ends.
    if (!/[a-z]/.test(key[at + keyword.length] ?? '')) return true;
  }
  return false;
}

/**
 * One finding per secret: a match inside (or on) a match of at least its score is dropped, so a
 * provider format beats the generic reading of the same value. Partial overlaps are kept.
 */
function mostSpecific(matches: DetectorMatch[]): DetectorMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const kept: DetectorMatch[] = [];
  let cover: DetectorMatch | undefined;
  for (const m of matches) {
    if (cover !== undefined && m.start >= cover.start && m.end <= cover.end && cover.score >= m.score) continue;
    if (cover !== undefined && m.start === cover.start && m.end === cover.end) continue;
    kept.push(m);
    if (cover === undefined || m.end > cover.end) cover = m;
  }
  return kept;
}
