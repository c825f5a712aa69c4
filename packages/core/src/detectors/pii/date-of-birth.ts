import { digitDense, digitRuns, lowerOf } from './gates.js';
import { validDate } from './checksums.js';
import { contextTest, type Recognizer } from './recognizer.js';

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre';
const MONTH_INDEX: Record<string, number> = {};
[
  ['jan', 'januar', 'janvier', 'enero', 'gennaio'],
  ['feb', 'februar', 'février', 'febrero', 'febbraio'],
  ['mar', 'märz', 'mars', 'marzo'],
  ['apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio'],
  ['jun', 'juni', 'juin', 'junio', 'giugno'],
  ['jul', 'juli', 'juillet', 'julio', 'luglio'],
  ['aug', 'août', 'agosto'],
  ['sep', 'septembre', 'septiembre', 'settembre'],
  ['oct', 'oktober', 'octobre', 'octubre', 'ottobre'],
  ['nov', 'novembre', 'noviembre'],
  ['dec', 'dezember', 'décembre', 'diciembre', 'dicembre'],
].forEach((names, i) => names.forEach((n) => (MONTH_INDEX[n] = i + 1)));

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_INDEX[w] ?? MONTH_INDEX[w.slice(0, 3)] ?? 0;
}

// Numeric (D/M/Y, M/D/Y, Y-M-D) and written dates; every part is bounded, so matching is linear.
const DATE = new RegExp(
  `(?<![\\w/.\\-])(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|\\d{4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}|` +
    `\\d{1,2}(?:st|nd|rd|th)?\\.?\\s(?:of\\s)?(?:${MONTHS})\\.?,?\\s\\d{4}|(?:${MONTHS})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4})(?![\\w/]|[.\\-]\\d)`,
  'giu',
);

const BIRTH_WORDS = ['born', 'birth', 'birthday', 'birthdate', 'dob', 'd.o.b', 'date of birth', 'geboren', 'geburtsdatum', 'geb', 'né', 'née', 'naissance', 'nacido', 'nacida', 'nacimiento', 'nato', 'nata', 'nascita'];
const CONTEXT = contextTest(BIRTH_WORDS, 48, 8);
// Dates are only looked for in texts that mention a birth at all (a fast literal scan).
// Tested on the cached lower-cased text (a case-insensitive scan costs several times more).
const ANY_BIRTH_WORD = /born|birth|dob|d\.o\.b|geb|né|naiss|nacid|nacim|nato|nata|nascit/;
// Every DATE match has a year of four digits after a space (written dates: "14 July 1979", "July 14,
// 1979") or three numbers joined by single separators, the middle one of one or two digits
// ("14.07.1979", "1979-07-14"). Most texts with a number have neither: no birth-word search.
const DATE_SHAPE = /\s\d{4}(?!\d)|\d[/.-]\d{1,2}[/.-]\d/;

/** `DATE_SHAPE.test(text)`, read from the digit runs unless the text is dense. */
function hasDateShape(text: string): boolean {
  if (digitDense(text)) return DATE_SHAPE.test(text);
  const runs = digitRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    const end = runs[k + 1] as number;
    if (end - start === 4 && start > 0 && isJsSpace(text.charCodeAt(start - 1))) return true;
    // This run, a separator, a run of one or two digits, a separator, a run.
    const next = runs[k + 2];
    const nextEnd = runs[k + 3];
    if (next === end + 1 && nextEnd !== undefined && nextEnd - next <= 2 && isDateSeparator(text.charCodeAt(end)) && isDateSeparator(text.charCodeAt(nextEnd)) && runs[k + 4] === nextEnd + 1) return true;
  }
  return false;
}

function isDateSeparator(c: number): boolean {
  return c === 47 || c === 46 || c === 45;
}

/** JavaScript's `\s`. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The date a match spells, if it is a real calendar date between 1900 and the current year. */
export function plausibleBirthDate(value: string, now = new Date()): boolean {
  const thisYear = now.getUTCFullYear();
  const words = value.split(/[\s,/.-]+/).filter((w) => w !== '' && w.toLowerCase() !== 'of');
  const nums = words.map((w) => Number(w.replace(/(?:st|nd|rd|th)$/i, '')));
  const fixYear = (y: number) => (y < 100 ? (y + 2000 > thisYear ? y + 1900 : y + 2000) : y);
  const ok = (y: number, m: number, d: number) => {
    const year = fixYear(y);
    return year >= 1900 && year <= thisYear && validDate(year, m, d);
  };
  if (words.length !== 3) return false;
  const [a, b, c] = nums as [number, number, number];
  if (Number.isNaN(a) || Number.isNaN(b)) {
    // Written month: "12 March 1985" or "March 12 1985".
    const month = Number.isNaN(a) ? monthOf(words[0] as string) : monthOf(words[1] as string);
    const day = Number.isNaN(a) ? b : a;
    return month > 0 && ok(c, month, day);
  }
  if ((words[0] as string).length === 4) return ok(a, b, c);
  return ok(c, a, b) || ok(c, b, a);
}

/**
 * Dates of birth: a calendar date with a birth word (born, DOB, birthday, geboren, né, nacido,
 * ...) just before or after it. Other dates are not personal data on their own and are not reported.
 * @example
 * dateOfBirth().find('She was born on 14 July 1979', out) // pii.date-of-birth
 */
export function dateOfBirth(): Recognizer {
  return {
    id: 'pii.date-of-birth',
    needsDigit: true,
    kinds: ['pii.date-of-birth'],
    maxMatchLength: 32,
    find(text, out) {
      if (!hasDateShape(text) || !ANY_BIRTH_WORD.test(lowerOf(text))) return;
      DATE.lastIndex = 0;
      for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!CONTEXT(text, start, end) || !plausibleBirthDate(m[0])) continue;
        out.push({ start, end, kind: 'pii.date-of-birth', score: 0.85 });
      }
    },
  };
}
