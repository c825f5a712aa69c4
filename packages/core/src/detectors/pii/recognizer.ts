import { LlmGuardConfigError } from '../../errors.js';
import type { DetectorMatch } from '../../types.js';
import { digitWindows, lowerOf } from './gates.js';

/**
 * One PII entity recognizer. Built-ins and `customRecognizer()` share this shape and the
 * scoring in this file, so a custom recognizer behaves exactly like a built-in one.
 */
export interface Recognizer {
  /** `family.kebab-name`, e.g. `pii.email`; also the main kind it reports. */
  readonly id: string;
  /** Kinds it can report (the first is the main one; IP addresses add a range suffix). */
  readonly kinds: readonly string[];
  /** Upper bound on a match's length, used for stream hold-back. */
  readonly maxMatchLength: number;
  /** Append the matches found in `text` to `out` (offsets into `text`). */
  find(text: string, out: DetectorMatch[]): void;
  /** Every match contains a digit: the detector skips the recognizer for texts without one. */
  readonly needsDigit?: boolean;
  /** Every match contains a run of seven digits (`digitWindows`): skipped for texts without one. */
  readonly needsDigitRun?: boolean;
}

/** How far around a match context words are looked for, in characters. */
export const CONTEXT_BEFORE = 64;
export const CONTEXT_AFTER = 32;

/** Context words compiled into one case-insensitive test over a window around a match. */
export interface ContextTest {
  (text: string, start: number, end: number): boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Build a context test: true when one of `words` (case-insensitive, whole words; a word may
 * contain spaces) occurs within the window before or after the match.
 */
export function contextTest(words: readonly string[], before = CONTEXT_BEFORE, after = CONTEXT_AFTER): ContextTest {
  if (words.length === 0) return () => false;
  const re = wordsRegex(words);
  return (text, start, end) => {
    const from = Math.max(0, start - before);
    const to = Math.min(text.length, end + after);
    return re.test(text.slice(from, start)) || re.test(text.slice(end, to));
  };
}

/**
 * A case-insensitive regex for any of `words` as whole words (letters and digits are word
 * characters). A Korean particle may follow a word that ends in Hangul (`여권번호는`, `주민등록번호를`):
 * it belongs to the word.
 */
export function wordsRegex(words: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRe).join('|')})(?:(?<=[\\uac00-\\ud7a3])[은는이가을를의도로에와과](?![\\p{L}])|(?![\\p{L}]))`, flags);
}

/** Options of the built-ins that need a context word: `contextKnown` as in PatternRecognizerSpec. */
export interface KnownContext {
  contextKnown?: boolean;
}

/** What a pattern recognizer is made of; `customRecognizer()` takes the same fields. */
export interface PatternRecognizerSpec {
  /** `family.kebab-name`, e.g. `pii.employee-id`; also the kind reported. */
  id: string;
  /** Candidate pattern; the global flag is added. Prefer lookarounds to capture groups. */
  pattern: RegExp;
  /**
   * Check a candidate (the matched text): `false` drops it, `true` keeps the base score, a
   * number in 0..1 replaces the base score, a string replaces the kind, `{ kind, score }` both.
   */
  validate?: (value: string) => boolean | number | string | { kind?: string; score?: number };
  /** Score of a valid match with no context word nearby (0..1). */
  score: number;
  /** Score when a context word is nearby (default `min(1, score + 0.3)`). */
  contextScore?: number;
  /** Words that raise the score when found near the match. */
  context?: readonly string[];
  /** Words that drop the match when found near it (e.g. `order`, `invoice` for bare numbers). */
  negativeContext?: readonly string[];
  /** Longest match; bounds the stream hold-back (default 64). */
  maxMatchLength?: number;
  /**
   * Report a match only when a context word is near it (for formats with no check digit, such
   * as passport or licence numbers). The whole text is first checked for any context word (with
   * `windows`, once a window holds a candidate), so texts without one cost almost nothing.
   */
  requireContext?: boolean;
  /**
   * The caller knows the text holds this entity (a form field for passport numbers, a column of
   * licence numbers): every valid match scores as if a context word were next to it, and
   * `requireContext` is met. Negative context words still drop a match.
   */
  contextKnown?: boolean;
  /** Every match contains a digit (set automatically with `windows`). */
  needsDigit?: boolean;
  /** A cheap precondition on the whole text (e.g. "has a run of seven digits"); false skips the scan. */
  gate?: (text: string) => boolean;
  /**
   * Scan only these regions of the text (e.g. `digitWindows`: around runs of seven digits).
   * Regions must start and end at whitespace or the text's ends, so boundaries behave the same.
   */
  windows?: (text: string) => readonly { start: number; end: number }[];
}

/**
 * A regex + validator + context recognizer: the engine behind most built-ins.
 * @example
 * patternRecognizer({ id: 'pii.employee-id', pattern: /\bEMP-\d{6}\b/, score: 0.6, context: ['employee'] })
 */
export function patternRecognizer(spec: PatternRecognizerSpec): Recognizer {
  const flags = spec.pattern.flags.includes('g') ? spec.pattern.flags : `${spec.pattern.flags}g`;
  const re = new RegExp(spec.pattern.source, flags);
  const hasContext = contextTest(spec.context ?? []);
  const hasNegative = contextTest(spec.negativeContext ?? []);
  const boost = (spec.contextScore ?? Math.min(1, spec.score + 0.3)) - spec.score;
  const validate = spec.validate;
  const negatives = (spec.negativeContext ?? []).length > 0;
  const contexts = (spec.context ?? []).length > 0;
  const known = spec.contextKnown === true;
  const requireContext = spec.requireContext === true && contexts && !known;
  // Any context word anywhere (native substring search on the lower-cased text); the window test decides.
  const anyContext = requireContext ? new RegExp((spec.context ?? []).map((w) => escapeRe(w.toLowerCase())).join('|')) : undefined;
  const gate = spec.gate;
  const windows = spec.windows;
  return {
    id: spec.id,
    kinds: [spec.id],
    maxMatchLength: spec.maxMatchLength ?? 64,
    needsDigit: windows !== undefined || spec.needsDigit === true,
    needsDigitRun: windows === digitWindows,
    find(text, out) {
      if (gate !== undefined && !gate(text)) return;
      if (windows === undefined) {
        if (anyContext !== undefined && !anyContext.test(lowerOf(text))) return;
        scan(text, text, 0, out, false);
        return;
      }
      // Windows are small and rarely hold a candidate: the whole text is searched for a context
      // word only once one does (no candidate, no search), before anything is validated.
      let unchecked = anyContext !== undefined;
      for (const w of windows(text)) {
        const state = scan(text, text.slice(w.start, w.end), w.start, out, unchecked);
        if (state === NO_CONTEXT) return;
        if (state === CONTEXT_FOUND) unchecked = false;
      }
    },
  };

  /** Read the matches in `part`; with `check`, the first one first checks `anyContext`. */
  function scan(text: string, part: string, offset: number, out: DetectorMatch[], check: boolean): number {
    re.lastIndex = 0;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      const value = m[0];
      if (value.length === 0) {
        re.lastIndex++;
        continue;
      }
      if (check) {
        if (!(anyContext as RegExp).test(lowerOf(text))) return NO_CONTEXT;
        check = false;
      }
      let score = spec.score;
      let kind = spec.id;
      if (validate !== undefined) {
        const verdict = validate(value);
        if (verdict === false) continue;
        if (typeof verdict === 'number') score = verdict;
        else if (typeof verdict === 'string') kind = verdict;
        else if (typeof verdict === 'object' && verdict !== null) {
          score = verdict.score ?? score;
          kind = verdict.kind ?? kind;
        }
      }
      const start = offset + m.index;
      const end = start + value.length;
      if (negatives && hasNegative(text, start, end)) continue;
      if (requireContext) {
        if (!hasContext(text, start, end)) continue;
        score = Math.min(1, score + boost);
      } else if (known) score = Math.min(1, score + boost);
      else if (contexts && boost > 0 && score < 1 && hasContext(text, start, end)) score = Math.min(1, score + boost);
      out.push({ start, end, kind, score });
    }
    return check ? NOT_CHECKED : CONTEXT_FOUND;
  }
}

// What a scan learnt about the context words anywhere in the text (`requireContext`).
const NOT_CHECKED = 0;
const CONTEXT_FOUND = 1;
const NO_CONTEXT = 2;

/** Options of `customRecognizer()`: a pattern, an optional validator, context words and a confidence. */
export type CustomRecognizerOptions = PatternRecognizerSpec;

/**
 * Add your own PII entity; pass it to `piiDetector({ custom: [...] })`. It is scored, merged
 * and redacted exactly like the built-ins.
 * @example
 * const employeeId = customRecognizer({
 *   id: 'pii.employee-id',
 *   pattern: /\bE\d{7}\b/,
 *   validate: (v) => v !== 'E0000000',
 *   score: 0.4,
 *   context: ['employee', 'staff id'],
 *   contextScore: 0.85,
 * });
 */
export function customRecognizer(options: CustomRecognizerOptions): Recognizer {
  const o = options as Partial<CustomRecognizerOptions> | undefined;
  const fail = (what: string) => {
    throw new LlmGuardConfigError(`customRecognizer(): ${what}`);
  };
  if (o === null || typeof o !== 'object') fail('expected an options object { id, pattern, score, ... }');
  const opts = o as CustomRecognizerOptions;
  if (typeof opts.id !== 'string' || !/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(opts.id)) fail(`"id" must be a kebab-case id like "pii.employee-id"; received ${JSON.stringify(opts.id)}`);
  if (!(opts.pattern instanceof RegExp)) fail('"pattern" must be a RegExp');
  if (opts.pattern.test('')) fail('"pattern" must not match the empty string');
  const inRange = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
  if (!inRange(opts.score)) fail(`"score" must be a number in 0..1; received ${String(opts.score)}`);
  if (opts.contextScore !== undefined && !inRange(opts.contextScore)) fail('"contextScore" must be a number in 0..1');
  if (opts.validate !== undefined && typeof opts.validate !== 'function') fail('"validate" must be a function (value) => boolean | number | string | { kind, score }');
  for (const key of ['context', 'negativeContext'] as const) {
    const list = opts[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || w.length === 0))) fail(`"${key}" must be an array of non-empty strings`);
  }
  return patternRecognizer(opts);
}
