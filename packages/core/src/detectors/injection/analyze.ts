import { canonicalText, plainAsciiCanonical, SYMBOL_BURST, type CanonicalText } from '../../normalize/canonical-text.js';
import { adversarialSuffix } from './adversarial-suffix.js';
import { buildAnchorTable, CHUNK, CHUNK_OVERLAP, extractFeatures, type FeatureSink, type TextFeatures } from './features.js';
import { recordedWords } from './near-gate.js';
import { plainScan } from './plain-scan.js';
import startWordsFile from './start-words.json';
import type { InjectionModel } from './model.js';
import { excused, TextKind } from './excuses.js';
import { dataContext } from './segments.js';
import { SIGNALS, type TechniqueId } from './techniques.js';

/** One technique that fired, with the canonical span of its first match. */
export interface TechniqueHit {
  technique: TechniqueId;
  signal: string;
  weight: number;
  /** Offsets into the canonical text. */
  start: number;
  end: number;
}

/** Everything the detector computed for one text: the score and its explanation. */
export interface Analysis {
  canonical: CanonicalText;
  /** Strongest hit per technique, strongest first. */
  hits: TechniqueHit[];
  /** Sum of the techniques' weights (each technique once, with its strongest signal). */
  ruleLogit: number;
  /** The learned model's contribution to the logit. */
  modelLogit: number;
  logit: number;
  /** sigmoid(logit), in 0..1. */
  score: number;
}

const PLAIN_SIGNALS = Object.freeze({ invisible: 0, tagChars: 0, confusables: 0, leet: 0, joined: 0, htmlEntities: 0, urlEscapes: 0, payloads: Object.freeze([]) as unknown as CanonicalText['signals']['payloads'], symbols: 0 });

// The words each pattern can start with on plain text (start-words.ts, written by
// scripts/start-words.mjs; start-words.test.ts checks the file against the patterns). A signal
// missing from the file scans the whole text.
const START_WORDS: Readonly<Record<string, readonly string[] | null>> = startWordsFile;
const TABLE = buildAnchorTable(
  SIGNALS.map((s) => s.anchors),
  SIGNALS.map((s) => s.anchors2),
  SIGNALS.map((s) => s.near),
  SIGNALS.map((s) => START_WORDS[s.id] ?? null),
);
const PATTERNS = SIGNALS.map((s) => new RegExp(s.pattern.source, s.pattern.flags.replace('g', '')));
// The same patterns, global: the next occurrence after an excused one (rare: a few per text at most).
const PATTERNS_G = SIGNALS.map((s) => new RegExp(s.pattern.source, s.pattern.flags.includes('g') ? s.pattern.flags : `${s.pattern.flags}g`));
// The same patterns, sticky: tried only where one of their start words begins (plain text).
const PATTERNS_Y = SIGNALS.map((s) => new RegExp(s.pattern.source, `${s.pattern.flags.replace('g', '')}y`));
const NON_ASCII = /[^\0-\x7f]/;
/** Per signal, 1 when its pattern is written in ASCII alone (no other characters, no escapes of them): its start words hold on any text. */
export const ASCII_PATTERN = Uint8Array.from(SIGNALS, (s) => (/[^\0-\x7f]|\\u|\\x[89a-f]|\\p\{/i.test(s.pattern.source) ? 0 : 1));

// Excused occurrences looked past per signal before giving up on it.
const MAX_EXCUSED = 8;
let ALWAYS_LO = 0;
let ALWAYS_HI = 0;
for (const i of TABLE.always) {
  if (i < 32) ALWAYS_LO |= 1 << i;
  else ALWAYS_HI |= 1 << (i - 32);
}

// Obfuscation evidence from the canonical pass, in logit units.
const TAG_SMUGGLING_WEIGHT = 3.5;
const CONFUSABLES_WEIGHT = 1.5;
const INVISIBLE_WEIGHT = 1;
const SPACED_WEIGHT = 1;
const PAYLOAD_WEIGHT = 0.5;
const HIT_IN_PAYLOAD_WEIGHT = 2;
const OBFUSCATION_CAP = 4;
const SUFFIX_WEIGHT = 4;
// An instruction to the AI inside data (email, table, code, document) is indirect injection.
const IN_DATA_WEIGHT = 1.5;

/**
 * Score one text. `model` null scores with the technique signals alone (used by training, where
 * the signals' logit is the fixed offset). `featureIndices`, when given, receives the model's
 * hashed feature indices (training). `inData` says the whole text is data (a tool result or an
 * attached document), so an instruction in it counts as indirect injection without data markers.
 * @example
 * analyze('Ignore all previous instructions', loadInjectionModel()).hits[0]?.technique // 'instruction-override'
 */
export function analyze(text: string, model: InjectionModel | null, featureIndices?: number[], inData = false): Analysis {
  const sink: FeatureSink = featureIndices === undefined && model !== null ? sinkFor(model) : { weights: model === null ? null : model.weights, indices: featureIndices ?? null };
  // Plain ASCII text: one scan for the features; the canonical text is built only if a pattern runs.
  const plain = plainScan(text, TABLE, sink);
  let canonical: CanonicalText | undefined;
  let f: TextFeatures;
  if (plain === null) {
    canonical = canonicalText(text);
    f = extractFeatures(canonical.text, TABLE, sink);
  } else {
    f = plain;
  }
  // The text the plain scan read (accents and typographic punctuation folded to ASCII): its
  // canonical text is the input's.
  const scanned = plain === null ? text : plain.text;
  const plainSymbols = plain === null ? 0 : plain.symbols;
  const plainRegular = plain !== null && plain.regularSpace;
  // Where the start words of the patterns occur: start-words.ts reads the patterns for lower-case
  // ASCII text, which the canonical text of a plain text is, and so is that of most texts the full
  // pass folded (leetspeak, entities, decoded payloads). Other characters (emoji, arrows, other
  // scripts) leave the ASCII words' starts where the patterns see them, unless a word joins both.
  const words = !f.mixedWords ? recordedWords() : null;
  // start-words.ts drops a pattern's branches written in other characters (other languages'
  // words): on text that has such characters, those patterns scan the text. Read when such a
  // pattern is a candidate.
  let asciiText: boolean | undefined = plain !== null ? true : undefined;

  // Strongest hit per technique (a short list: most texts have none).
  const best: TechniqueHit[] = [];
  let hitInPayload = false;
  let scriptLo = 0;
  let scriptHi = 0;
  if (f.scripts !== 0) {
    for (const [script, index] of TABLE.scripts) {
      if ((f.scripts & script) === 0) continue;
      if (index < 32) scriptLo |= 1 << index;
      else scriptHi |= 1 << (index - 32);
    }
  }
  const lo = f.anchorLo | ALWAYS_LO | scriptLo;
  const hi = f.anchorHi | ALWAYS_HI | scriptHi;
  // What the text is (about attacks, program code, data), read once when a match needs it: see excused().
  let kind: TextKind | undefined;
  // Visit only the candidate signals: the set bits of (lo, hi), lowest first.
  for (let rest = lo, base = 0; base <= 32; rest = hi, base += 32) {
    while (rest !== 0) {
      const bit = rest & -rest;
      rest ^= bit;
      const i = base + 31 - Math.clz32(bit);
      const signal = SIGNALS[i];
      if (signal === undefined) continue;
      // Required substrings are punctuation (`<`, `=`, `](`): for plain text the original has them
      // exactly where the canonical text does, so the canonical text is built only when needed.
      const pre = canonical === undefined ? scanned : canonical.text;
      if (signal.requires !== undefined && !includesAll(pre, signal.requires)) continue;
      if (signal.requiresAny !== undefined && !includesAny(pre, signal.requiresAny)) continue;
      canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular);
      const t = canonical.text;
      const starts = words !== null && ((base === 0 ? TABLE.startLo : TABLE.startHi) & bit) !== 0 && (ASCII_PATTERN[i] === 1 || (asciiText ??= !NON_ASCII.test(t))) ? words : null;
      const whole = ((base === 0 ? scriptLo : scriptHi) & bit) !== 0 || isAlways(i);
      let m = starts !== null ? matchAtStarts(i, t, starts, 0) : firstMatch(PATTERNS[i] as RegExp, t, i, f.chunkLo, f.chunkHi, whole);
      // Talked about or reported, not given (the learned model still reads the words): look on
      // for an occurrence that is given, so a quoted decoy cannot hide a real one after it.
      for (let k = 0; m !== null && excused(t, i, signal.technique, m.start, m.end, (kind ??= new TextKind(inData))); k++) {
        const from = Math.max(m.start + 1, m.end);
        m = k >= MAX_EXCUSED ? null : starts !== null ? matchAtStarts(i, t, starts, from) : nextMatch(i, t, from);
      }
      if (m === null) continue;
      if (m.start >= canonical.mainLength) hitInPayload = true;
      consider(best, { technique: signal.technique, signal: signal.id, weight: signal.weight, start: m.start, end: m.end });
    }
  }

  // Obfuscation: evidence from the canonical pass itself (none for plain text).
  const s = canonical?.signals ?? PLAIN_SIGNALS;
  const symbols = plain !== null ? plain.symbols : s.symbols;
  let obfuscation = 0;
  if (s.tagChars >= 4) obfuscation += TAG_SMUGGLING_WEIGHT;
  if (s.confusables >= 2) obfuscation += CONFUSABLES_WEIGHT;
  if (s.invisible >= 3) obfuscation += INVISIBLE_WEIGHT;
  if (s.joined > 0) obfuscation += SPACED_WEIGHT;
  if (s.payloads.length > 0) obfuscation += PAYLOAD_WEIGHT;
  if (hitInPayload) obfuscation += HIT_IN_PAYLOAD_WEIGHT;
  if (obfuscation > 0) {
    const c = (canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular));
    const start = s.payloads.length > 0 ? c.mainLength : 0;
    consider(best, { technique: 'obfuscation', signal: 'canonical-pass', weight: Math.min(OBFUSCATION_CAP, obfuscation), start, end: c.text.length });
  }

  // Optimised suffixes are full of brackets, backslashes and asterisks: skip texts with few.
  const suffix = symbols >= SYMBOL_BURST ? adversarialSuffix(text) : null;
  if (suffix !== null && suffix.strength > 0) {
    // The suffix is found on the original text; report it in canonical offsets approximately.
    const n = (canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular)).text.length;
    consider(best, { technique: 'adversarial-suffix', signal: 'token-statistics', weight: SUFFIX_WEIGHT * suffix.strength, start: Math.min(n, suffix.start), end: Math.min(n, suffix.end) });
  }

  if (best.length > 0 && (inData || dataContext((canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular)).text))) {
    const indirect = find(best, 'indirect-injection');
    const addressed = find(best, 'instruction-override') ?? (indirect !== undefined && indirect.signal !== 'output-override' ? indirect : undefined) ?? find(best, 'exfiltration');
    if (addressed !== undefined) {
      const prev = indirect;
      consider(best, { ...addressed, technique: 'indirect-injection', signal: 'instruction-in-data', weight: (prev?.weight ?? 0) + IN_DATA_WEIGHT });
    }
  }

  const hits = best.length > 1 ? best.sort((a, b) => b.weight - a.weight) : best;
  let ruleLogit = 0;
  for (const h of hits) ruleLogit += h.weight;
  const modelLogit = model === null || f.count === 0 ? 0 : Math.min(model.max, Math.max(model.min, (model.scale * f.sum) / Math.sqrt(Math.max(f.count, model.minFeatures))));
  // Texts of words the model never saw lean on the prior (benign) intercept, not the training mix.
  // A short text is little evidence either way: it leans on the prior in proportion (training scores the same way).
  const knownShare = f.count > 0 ? (f.known / f.count) * Math.min(1, f.count / (model?.minFeatures ?? 1)) : 0;
  const intercept = model === null ? 0 : Math.min(model.interceptCap, knownShare * model.intercept + (1 - knownShare) * model.prior) - model.threshold;
  const logit = model === null ? ruleLogit : intercept + model.ruleScale * ruleLogit + modelLogit;
  return new LazyAnalysis(scanned, plainSymbols, plainRegular, canonical, hits, ruleLogit, modelLogit, logit);
}

/** An analysis whose canonical text (for plain ASCII input) is built on first use. */
class LazyAnalysis implements Analysis {
  readonly score: number;
  constructor(
    private readonly text: string,
    private readonly symbols: number,
    private readonly regularSpace: boolean,
    private built: CanonicalText | undefined,
    readonly hits: TechniqueHit[],
    readonly ruleLogit: number,
    readonly modelLogit: number,
    readonly logit: number,
  ) {
    this.score = sigmoid(logit);
  }
  get canonical(): CanonicalText {
    return (this.built ??= plainAsciiCanonical(this.text, this.symbols, this.regularSpace));
  }
}

/** The first occurrence of signal `i`'s pattern at or after `from`, on the whole text. */
function nextMatch(i: number, t: string, from: number): { start: number; end: number } | null {
  const re = PATTERNS_G[i] as RegExp;
  re.lastIndex = from;
  const next = re.exec(t);
  return next === null ? null : { start: next.index, end: next.index + next[0].length };
}

/**
 * The first occurrence of signal `i`'s pattern at or after `from`, tried only where one of its
 * start words begins: every match of the pattern on plain text begins at one (start-words.ts), so
 * this is the match a scan of the whole text finds.
 */
function matchAtStarts(i: number, t: string, words: { positions: Int32Array; slots: Int32Array; count: number }, from: number): { start: number; end: number } | null {
  const re = PATTERNS_Y[i] as RegExp;
  const starts = i < 32 ? TABLE.startsLo : TABLE.startsHi;
  const bit = 1 << (i & 31);
  for (let k = 0; k < words.count; k++) {
    const pos = words.positions[k] as number;
    if (pos < from || ((starts[words.slots[k] as number] as number) & bit) === 0) continue;
    re.lastIndex = pos;
    const m = re.exec(t);
    if (m !== null) return { start: pos, end: pos + m[0].length };
  }
  return null;
}

function includesAny(text: string, parts: readonly string[]): boolean {
  for (const p of parts) if (text.includes(p)) return true;
  return false;
}

function includesAll(text: string, parts: readonly string[]): boolean {
  for (const p of parts) if (!text.includes(p)) return false;
  return true;
}

// One reusable sink per model for the runtime path (no feature list to fill).
let lastModel: InjectionModel | null = null;
let lastSink: FeatureSink | null = null;
function sinkFor(model: InjectionModel): FeatureSink {
  if (lastModel !== model || lastSink === null) {
    lastModel = model;
    lastSink = { weights: model.weights, indices: null };
  }
  return lastSink;
}

function find(hits: readonly TechniqueHit[], technique: TechniqueId): TechniqueHit | undefined {
  for (const h of hits) if (h.technique === technique) return h;
  return undefined;
}

function consider(best: TechniqueHit[], hit: TechniqueHit): void {
  for (let k = 0; k < best.length; k++) {
    if ((best[k] as TechniqueHit).technique !== hit.technique) continue;
    if (hit.weight > (best[k] as TechniqueHit).weight) best[k] = hit;
    return;
  }
  best.push(hit);
}

function isAlways(i: number): boolean {
  return i < 32 ? (ALWAYS_LO & (1 << i)) !== 0 : (ALWAYS_HI & (1 << (i - 32))) !== 0;
}

/**
 * First match of signal `i`: on the whole text, or for long texts only in the chunks whose anchors
 * allow it (each chunk widened by the overlap a pattern can span). `whole` forces a full scan
 * (script- and always-anchored signals).
 */
function firstMatch(re: RegExp, t: string, i: number, chunkLo: Uint32Array | null, chunkHi: Uint32Array | null, whole: boolean): { start: number; end: number } | null {
  if (chunkLo === null || chunkHi === null || whole) {
    const m = re.exec(t);
    return m === null ? null : { start: m.index, end: m.index + m[0].length };
  }
  const mask = i < 32 ? chunkLo : chunkHi;
  const bit = i < 32 ? 1 << i : 1 << (i - 32);
  // Runs of consecutive candidate chunks are scanned as one window.
  for (let c = 0; c < mask.length; c++) {
    if (((mask[c] as number) & bit) === 0) continue;
    let last = c;
    while (last + 1 < mask.length && ((mask[last + 1] as number) & bit) !== 0) last++;
    const from = Math.max(0, c * CHUNK - CHUNK_OVERLAP);
    const to = Math.min(t.length, (last + 1) * CHUNK + CHUNK_OVERLAP);
    const m = re.exec(from === 0 && to === t.length ? t : t.slice(from, to));
    if (m !== null) return { start: from + m.index, end: from + m.index + m[0].length };
    c = last;
  }
  // Decoded payloads follow the main text and are short: scan them whole.
  return null;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
