/**
 * Where a signal's pattern can begin. Most patterns open with a word from a list
 * (`\b(?:ignore|disregard|forget)\s+...`): on plain ASCII text every match then starts where a word
 * starts, and that word's first five letters are one of a known set. The feature scan records
 * where such words occur, and the pattern is tried there only (a sticky match at each), instead of
 * at every position of the text: the same first match, for a fraction of the regex work.
 *
 * The set is read off the pattern's syntax tree (`@eslint-community/regexpp`) ahead of time:
 * scripts/start-words.mjs writes start-words.json, which the detector loads (parsing the patterns
 * at startup would cost tens of milliseconds), and start-words.test.ts fails while the file
 * differs from what this reader gives for the current patterns. Anything the reading cannot follow
 * exactly (a match that may start inside a word or at punctuation, a negated class, a
 * back-reference, an empty match) gives null, and the pattern then scans the whole text.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

/** Words hashed by the tokenizer: their first five characters (features.ts prefixHash). */
const PREFIX = 5;
/** More partial readings than this: give up on the pattern (it is not a word list). */
const MAX_STATES = 512;
/** Repetitions followed before a word must be complete (each adds a character). */
const MAX_REPEAT = PREFIX + 1;

/** A reading of the match so far: the first word's prefix, complete or not. */
interface State {
  word: string;
  /** The first word ended, or reached PREFIX characters: later elements cannot change it. */
  done: boolean;
  /** A `\b` precedes the first character: the match cannot begin inside a word. */
  boundary: boolean;
}

class Unknown extends Error {}
const UNKNOWN = new Unknown('pattern start not readable');
const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * The distinct first-word prefixes (at most five lower-case ASCII letters or digits) that every
 * match of `pattern` on plain lower-case ASCII text begins with, at the start of a word; null when
 * a match may begin elsewhere.
 * @example
 * startWords(/\b(?:ignore|forget)\s+(?:all\s+)?previous\b/) // ['ignor', 'forge']
 * startWords(/<\|im_start\|>/) // null
 */
export function startWords(pattern: RegExp): string[] | null {
  if (pattern.flags.includes('i') || pattern.flags.includes('v')) return null;
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.flags.includes('u'), unicodeSets: false });
  } catch {
    return null;
  }
  try {
    const end = alternatives(ast.alternatives, [{ word: '', done: false, boundary: false }]);
    const words = new Set<string>();
    for (const s of end) {
      // A match that ends inside its first word: the word may go on, so its prefix is unknown.
      if (!s.done || s.word === '') return null;
      words.add(s.word);
    }
    return [...words].sort();
  } catch (error) {
    if (error instanceof Unknown) return null;
    throw error;
  }
}

function alternatives(alts: readonly AST.Alternative[], states: readonly State[]): State[] {
  const out: State[] = [];
  for (const a of alts) {
    let cur: readonly State[] = states;
    for (const e of a.elements) cur = step(cur, e);
    out.push(...cur);
  }
  return distinct(out);
}

function step(states: readonly State[], e: AST.Element): readonly State[] {
  if (states.every((s) => s.done)) return states;
  switch (e.type) {
    case 'Assertion':
      if (e.kind === 'lookahead' || e.kind === 'lookbehind') return states; // consumes nothing; may only reject
      if (e.kind === 'word' && !e.negate) return states.map((s) => (s.done ? s : s.word === '' ? { ...s, boundary: true } : { ...s, done: true }));
      throw UNKNOWN;
    case 'Character':
      return distinct(states.flatMap((s) => consume(s, e.value)));
    case 'CharacterClass': {
      if (e.negate || e.unicodeSets) throw UNKNOWN;
      const { codes, space } = classCodes(e);
      return distinct([...(space ? states.map(endWord) : []), ...states.flatMap((s) => codes.flatMap((c) => consume(s, c)))]);
    }
    case 'CharacterSet':
      // Whitespace ends the first word (it cannot open a match that starts at a word).
      if (e.kind === 'space' && !e.negate) return states.map(endWord);
      // A word character: a letter or digit goes on with the word, and `_` ends it (the scans split words at it).
      if (e.kind === 'word' && !e.negate) return distinct(states.flatMap((s) => WORD_CODES.flatMap((c) => consume(s, c))));
      throw UNKNOWN;
    case 'Group':
    case 'CapturingGroup':
      return alternatives(e.alternatives, states);
    case 'Quantifier': {
      const out: State[] = e.min === 0 ? [...states] : [];
      let cur: readonly State[] = states;
      for (let r = 1; r <= e.max; r++) {
        cur = step(cur, e.element);
        if (r >= e.min) out.push(...cur);
        if (cur.every((s) => s.done)) break;
        if (r >= MAX_REPEAT) throw UNKNOWN;
      }
      return distinct(out);
    }
    default:
      throw UNKNOWN;
  }
}

/** Read one more character `c` of the match. */
function consume(s: State, c: number): State[] {
  if (s.done) return [s];
  // Plain text is ASCII: a branch that needs another character never matches it.
  if (c >= 0x80) return [];
  const lower = c >= 65 && c <= 90 ? c + 32 : c;
  if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) {
    if (s.word === '' && !s.boundary) throw UNKNOWN;
    const word = s.word + String.fromCharCode(lower);
    return [{ word, done: word.length === PREFIX, boundary: true }];
  }
  return [endWord(s)];
}

/** A separator: the first word is complete (a match must not start with one). */
function endWord(s: State): State {
  if (s.done) return s;
  if (s.word === '') throw UNKNOWN;
  return { ...s, done: true };
}

/** `\w`: lower-case letters (the text is read lower-cased), digits and `_`. */
const WORD_CODES = [...'abcdefghijklmnopqrstuvwxyz0123456789_'].map((c) => c.charCodeAt(0));

/** The characters of a class, and whether it holds `\s` (whitespace: a separator). */
function classCodes(e: AST.CharacterClass): { codes: number[]; space: boolean } {
  const codes: number[] = [];
  let space = false;
  for (const el of e.elements) {
    if (el.type === 'Character') codes.push(el.value);
    else if (el.type === 'CharacterClassRange' && el.max.value - el.min.value < 16) for (let c = el.min.value; c <= el.max.value; c++) codes.push(c);
    else if (el.type === 'CharacterSet' && el.kind === 'space' && !el.negate) space = true;
    else throw UNKNOWN;
  }
  return { codes, space };
}

function distinct(states: readonly State[]): State[] {
  const seen = new Map<string, State>();
  for (const s of states) seen.set(`${s.done ? 1 : 0}${s.boundary ? 1 : 0}${s.word}`, s);
  if (seen.size > MAX_STATES) throw UNKNOWN;
  return [...seen.values()];
}
