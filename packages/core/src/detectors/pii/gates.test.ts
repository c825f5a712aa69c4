import { describe, expect, it } from 'vitest';
import { WordTable } from './common-words.js';
import { digitDense, digitRuns, digitTouchesLetter, digitWindows, hasDigit, LONG_TEXT, longestDigitRun, longestDigitStretch, mixedShapes } from './gates.js';
import { rng } from './test-values.js';
import { trieSource } from './trie.js';

// Random texts of digits, separators and letters: the shapes the digit preconditions read.
function samples(seed: number, count: number, length: number): string[] {
  const r = rng(seed);
  const alphabet = '0123456789      -./:+ABCdEhLmPrTuXyZé\n\t,x';
  return Array.from({ length: count }, () => {
    const bias = r();
    let s = '';
    const n = Math.floor(r() * length);
    for (let i = 0; i < n; i++) s += r() < bias ? String(Math.floor(r() * 10)) : (alphabet[Math.floor(r() * alphabet.length)] as string);
    return s;
  });
}

// The definitions the run-based checks must agree with (the regexes they replace in messages).
const MIXED = /(?<!\d)(?:(\d{6}[+\-A-FU-Ya-fu-y]\d{3})|(\d\d ?\d\d ?\d\d ?[A-Da-d](?![A-Za-z0-9]))|(\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d[A-Za-z])|(\d{4}[A-Za-z](?![A-Za-z0-9])))/g;
function mixedByRegex(text: string): number {
  let flags = 0;
  MIXED.lastIndex = 0;
  for (let m = MIXED.exec(text); m !== null && flags !== 15; m = MIXED.exec(text)) flags |= (m[1] ? 1 : 0) | (m[2] ? 2 : 0) | (m[3] ? 4 : 0) | (m[4] ? 8 : 0);
  return flags;
}

describe('digit preconditions', () => {
  const texts = samples(7, 20000, 40);

  it('tells whether a digit touches an ASCII letter, as the regex does', () => {
    for (const t of texts) expect(digitTouchesLetter(t), t).toBe(/[A-Za-z]\d|\d[A-Za-z]/.test(t));
    // Long digit-dense texts take the regex path; long prose the run path.
    const dense = '12 34 '.repeat(1000);
    expect(digitDense(dense)).toBe(true);
    expect(digitTouchesLetter(dense)).toBe(false);
    expect(digitTouchesLetter(`${dense}A1`)).toBe(true);
    const prose = 'no digit touches a word here 42 times. '.repeat(200);
    expect(digitTouchesLetter(prose)).toBe(false);
    expect(digitTouchesLetter(`${prose}room 4B`)).toBe(true);
  });

  it('finds the digit runs', () => {
    for (const t of texts) {
      const runs = Array.from(digitRuns(t));
      const expected = [...t.matchAll(/\d+/g)].flatMap((m) => [m.index, m.index + m[0].length]);
      expect(runs).toEqual(expected);
      expect(hasDigit(t)).toBe(expected.length > 0);
    }
  });

  it('reads the mixed shapes from the runs as the regex finds them', () => {
    for (const t of texts) expect(mixedShapes(t)).toBe(mixedByRegex(t));
  });

  it('measures printed numbers and runs of digits', () => {
    for (const t of texts) {
      const longestRun = Math.max(0, ...[...t.matchAll(/\d+/g)].map((m) => m[0].length));
      expect(longestDigitRun(t)).toBe(longestRun);
      let stretch = 0;
      while (new RegExp(`\\d(?:[ \\-./:+]?\\d){${stretch}}`).test(t)) stretch++;
      expect(longestDigitStretch(t)).toBe(stretch);
    }
  });

  it('finds the same windows from the digit runs as by regex', () => {
    // A long text that starts dense with digits takes the regex scans; line breaks (whitespace,
    // not number separators) keep its windows apart from those of `t`.
    const dense = `${'1 '.repeat(LONG_TEXT)}${'\n'.repeat(80)}`;
    for (const t of samples(11, 3000, 60)) {
      const long = `${dense}${t}${'\n'.repeat(80)}`;
      expect(digitDense(long)).toBe(true);
      const clip = (w: { start: number; end: number }) => ({ start: Math.max(0, w.start), end: Math.min(w.end, t.length) });
      const shifted = digitWindows(long)
        .filter((w) => w.end > dense.length)
        .map((w) => clip({ start: w.start - dense.length, end: w.end - dense.length }));
      expect(digitWindows(t).map(clip)).toEqual(shifted);
      expect(mixedShapes(long) & ~mixedShapes(dense)).toBe(mixedShapes(t) & ~mixedShapes(dense));
    }
  });
});

describe('trieSource', () => {
  it('matches exactly the words of the list', () => {
    const words = ['street', 'st', 'str.', 'square', 'sq', 'a', 'an', 'and', 'av.', 'ave'];
    const trie = new RegExp(`^${trieSource(words)}$`);
    const list = new RegExp(`^(?:${words.map((w) => w.replace('.', '\\.')).join('|')})$`);
    for (const t of samples(3, 3000, 8).map((s) => s.toLowerCase()).concat(words, ['stx', 'str', 'st.', 'squ', ''])) expect(trie.test(t)).toBe(list.test(t));
  });
});

describe('WordTable', () => {
  it('looks words up in place, with or without ASCII case', () => {
    const table = new WordTable(['what', 'thanks', 'i', 'über']);
    const text = 'What THANKS i Über whatever';
    expect(table.has(text, 0, 4)).toBe(false);
    expect(table.hasIgnoringCase(text, 0, 4)).toBe(true);
    expect(table.hasIgnoringCase(text, 5, 11)).toBe(true);
    expect(table.has(text, 12, 13)).toBe(true);
    // Only ASCII letters fold: Ü is not ü.
    expect(table.hasIgnoringCase(text, 14, 18)).toBe(false);
    expect(table.hasIgnoringCase(text, 19, 27)).toBe(false);
  });
});
