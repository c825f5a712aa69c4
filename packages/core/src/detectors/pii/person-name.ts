import type { DetectorMatch } from '../../types.js';
import { NOT_NAME_WORDS, WordTable } from './common-words.js';
import type { Recognizer } from './recognizer.js';
import { trieSource } from './trie.js';

// Cues before a name: strong ones take one capitalised token, weak ones (prepositions) need two.
// Read against the lower-cased text just before a capitalised run.
const TITLES = '(?:mr|mrs|ms|mx|miss|dr|prof|sir|madam|madame|mme|herr|herrn|frau|señor|señora|sr|sra|doña|dona|drs|mevrouw|meneer)';
const TITLE_CUE = new RegExp(`(?:^|[^a-zà-ÿ])${TITLES}\\.?[ \\t]+$`, 'i');
// A title as a token of a capitalised run.
const TITLE_TOKEN = new RegExp(`^${TITLES}\\.?$`, 'i');
// Family and work relations that introduce a person by their first name.
const KIN = '(?:(?:my|our|his|her|their)\\s+)?(?:son|daughter|sister|brother|wife|husband|mom|mum|mother|dad|father|nephew|niece|cousin|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|grandchild|stepson|stepdaughter|kids?|child|aunt|uncle|friend|colleague|coworker|boss|partner|fiancée?|girlfriend|boyfriend|housemates? are|roommate|neighbou?r)';
const STRONG_CUE = new RegExp(
  `(?:^|[^a-zà-ÿ'])(?:name is|name's|name\\?|calls? me|called me|calls? (?:him|her)|i am called|i'm called|named|named (?:him|her|them)|called|name:|dear|hi|hello|hey|good morning|good afternoon|thanks|thank you|regards|sincerely|cheers|said|says|asked|told|ask for|speak to|contact|beneficiary|holder|signed|attn:?|i am|i'm|this is|it's|it’s|` +
    // a relative or a colleague introduced by role ("my nephew Oscar", "daughter Linda")
    `${KIN}|` +
    // people-directed verbs ("Ring Ade", "Escalated to Marcus", "confirmed by Rachel")
    `call|ring|text|ping|message|(?:had|has|have) given|(?:him|her|me) (?:and|&)|spoke (?:to|with)|talked to|shouted at|yelled at|screamed at|smiled at|waved at|starring|` +
    // "said Gladys to Logan"
    `(?:said|asked|shouted|whispered|replied|yelled|complained) [^ \\t\\n]{2,20} to|escalated to|assigned to|handed (?:over )?to|intro via|introduced by|confirmed by|recommended by|approved by|fixed (?:manually )?by|reported by|requested by|feedback from|` +
    // sign-offs in other languages, before a signature line
    `saludos|un saludo|pozdrawiam|cordialement|bien à vous|grüße|gruß|viele grüße|atenciosamente|abraços|cumprimentos|un saluto|cordiali saluti|saluti|groeten|met vriendelijke groet|hälsningar|med vänlig hälsning|hilsen|terveisin)[,:]?[ \\t\\n]+$`,
  'i',
);
const WEAK_CUE = /(?:^|[^a-zà-ÿ])(?:from|by|with|to|for|cc)[ \t]+$/i;
const PLACE_CUE = /(?:^|[^a-zà-ÿ])(?:in|at|from|to|near|of|visit|visited|for|the|on|into|across|via)[ \t]+$/i;
// A possessive ("Americans’ lives") is not the subject of the verb after it.
const POSSESSIVE = /['’]s?$/;
const SAID_AFTER = /^[ \t]+(?:said|says|wrote|writes|replied|asked|told|shouted|yelled|whispered|screamed|laughed|smiled|nodded|sighed|gave|had given|has given|spent|began|lives|lived|was born|grew up|(?:is|was) from|comes from|and (?:i|me)(?![a-z'’]))(?![a-z-])/;
// A name spoken to: at the start of a text or line before a comma and a request ("Leif, can I ..."),
// or after a comma at the end of an exclamation ("Don't go to town, Nicholas!"), not after a
// greeting ("Hello, World!") or a capitalised word ("Los Angeles, California!").
const VOCATIVE_AFTER = /^,[ \t]+(?:can|could|would|will|please|do|did|are|have|thanks|thank|let|listen|look|wait|come)(?![a-z])/i;
const VOCATIVE_END = /^[ \t]*!/;
const COMMA_BEFORE = /(?:^|[^A-Za-zÀ-ÿ'])(?!(?:hello|hi|hey|goodbye|bye)[ \t]*,)[a-zß-ÿ]+[ \t]*,[ \t]+$/;
// A list of people after a word for people and a colon ("Our founders: Ada, Grace and Linus";
// "They had 3: Tom, Anna and Lea"): every item a name token, each item a name.
const LIST_CUE = /(?:^|[^a-z])(?:children|kids|sons|daughters|founders|co-?founders|members|guests|attendees|participants|students|pupils|employees|staff|players|siblings|grandchildren|friends|colleagues|speakers|authors|winners|team|present|invitees|cc|aanwezig|anwesend|présents|presentes|presenti|(?:had|have|has) \d{1,2})[^.:\n]{0,24}:[ \t]*/gi;
const LIST_SEPARATOR = /(?:[ \t]*\([^)\n]{1,24}\))?(?:,[ \t]+(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+)/y;
// On the text itself: an ASCII-only case-insensitive match finds what a search of the lower-cased
// text would (no other character lower-cases to these letters), without lower-casing prose.
const NAMING_CUE = /name is|name's|calls? me| called /i;
// "my name is selma": one lower-case token after an explicit naming cue.
const LOWER_NAME = /(?:name is|name's|calls? me|(?:am|i'm) called)[ \t]+([a-zß-öø-ÿ][a-zß-öø-ÿā-ſ'’-]{1,30})(?![a-zß-öø-ÿā-ſ])/gi;
// Letters without Unicode property escapes (those cost ~50 µs per KB): Latin, Greek, Cyrillic.
const UP = 'A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏΆ-ΏΑ-ΩЀ-Я';
const LO = 'a-zß-öø-ÿĀ-ſƀ-ɏά-ώа-яѐ-џḀ-ỿ';
// A run of capitalised tokens (with middle initials); tokens never contain spaces, so matching is linear.
// Lower-case particles inside a name ("Carmen de la Fuente", "Maika van de Noort").
const PARTICLE = '(?:de|del|della|di|da|das|do|dos|du|van|von|der|den|ter|ten|la|le|bin|ibn|al|el|y|e)';
const PARTICLE_WORD = new RegExp(`^${PARTICLE}$`);
// A token: a capital and small letters, where a hyphen or apostrophe may open a second capitalised
// part ("García-López", "O'Brien").
const TOKEN = `[${UP}][${LO}'’\\-]{1,30}(?:(?<=[-'’])[${UP}][${LO}'’\\-]{1,30}){0,2}`;
const RUN = new RegExp(`${TOKEN}(?:[ \\t]+(?:[A-Z]\\.?[ \\t]+)?(?:${PARTICLE}[ \\t]+){0,3}${TOKEN})*`, 'y');
// One item of a list of names (see LIST_CUE).
const LIST_ITEM = new RegExp(`(?:${TOKEN}|[A-Z]{2,3}(?![${LO}]))(?:[ \\t]+${TOKEN}){0,3}`, 'y');
// The ordinary words as they open a sentence ("What", "Thanks"), capitalised. `isNameToken` says
// false for each of them.
const CAPITALISED = [...NOT_NAME_WORDS].filter((w) => /^[a-z]+$/.test(w)).map((w) => (w[0] as string).toUpperCase() + w.slice(1));
// Where RUN matches: a capital before a small letter. Every sentence opens with a run, and a global
// exec allocated a match for each; `test` allocates nothing: this one finds where a run starts,
// RUN (sticky) where it ends. A run that is one ordinary word (the token ends with the word and no
// other token follows) can yield nothing, and most runs are one: the scan passes over those
// (their letters are ASCII and lower-case, so it finds nothing inside them either). Only one word
// is looked at: skipping longer runs this way would re-read them from each of their words.
const RUN_START = new RegExp(
  `(?!${trieSource(CAPITALISED)}(?![${LO}'’\\-])(?![ \\t]+(?:[A-Z]\\.?[ \\t]+)?[${UP}][${LO}'’\\-]))[${UP}](?=[${LO}'’\\-])`,
  'g',
);

/** `[${UP}${LO}0-9]`: a run glued to a letter or digit before it is inside a word. */
function isLetterOrDigit(c: number): boolean {
  if (c < 0xc0) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x386 && c <= 0x3ce && c !== 0x390 && c !== 0x3aa && c !== 0x3ab) || (c >= 0x400 && c <= 0x45f);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

// A candidate name has at most eight tokens (initials included).
const MAX_TOKENS = 8;

/** Offsets of the tokens of one run: [start, end) pairs in `at`, `count` tokens (only the first MAX_TOKENS + 1 kept). */
interface Tokens {
  readonly at: Int32Array;
  count: number;
}

/** The blank-separated tokens of `text.slice(start, end)`, which neither starts nor ends with a blank. */
function tokenize(text: string, start: number, end: number, tokens: Tokens): void {
  tokens.count = 0;
  for (let i = start; i < end && tokens.count <= MAX_TOKENS; ) {
    let j = i + 1;
    while (j < end && !isBlank(text.charCodeAt(j))) j++;
    tokens.at[2 * tokens.count] = i;
    tokens.at[2 * tokens.count + 1] = j;
    tokens.count++;
    i = j;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
}

// A street type ends a street name, not a person's name ("Kishiev Squares", "Passauer Strasse").
const STREET_WORD = /^(?:street|streets|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|courts|place|pl|square|squares|terrace|way|parkway|highway|circle|trail|crescent|close|grove|gardens|row|mews|alley|plaza|loop|point|points|ridge|isle|forges?|fort|mall|crossing|crossroads?|heights|hills?|parks?|pass|port|prairie|ranch|springs?|summit|valley|view|village|walk|harbou?r|estates?|greens?|meadows?|mills?|quay|route|shores?|bridge|bridges|coves?|creek|falls|ferry|fields?|glen|haven|hollow|island|islands|keys?|landing|lights?|locks?|manor|mount|mountain|pines|plains?|rapids?|run|stravenue|tunnel|vista|wharf|corners?|dale|str|strasse|straße|gasse|weg|platz|allee|ring|gata|gatan|vej|gade|straat|laan|út|utca|ulica|rue|via|calle|avenida|rua|avda)$/;
// The last word of an organisation's, a facility's or a street's name ("Helix Broadband", "Riverside
// Tennis Club", "Greenfield Medical Centre"): a run ending in one is not a person. Words that are also
// common surnames (Park, Law, Church, Banks) are left out.
const ORG_TAIL = new Set(
  (
    'academy agency airlines airways apartments associates associés bakery bistro brewery broadband capital centre center chambers clinic club college consulting ' +
    'council dental dentistry energy enterprises estates foundation freight gallery gmbh holdings hospital hotel industries institute insurance labs laboratories ' +
    'lettings logistics management medical motors museum paediatrics pediatrics pharmacy properties publishing realty residences restaurant robotics school ' +
    'screening services software solar solutions stadium studio studios subdivision systems technologies telecom theatre theater university ventures veterinary ' +
    // and of a street's or a quarter's: "Halaskargazi Cad.", "Cumhuriyet Mah."
    'avenue boulevard cad caddesi mah mahalle mahallesi road sok sokak sokağı street'
  ).split(' '),
);

// The word after a run that makes it an organisation's or a place's name: a legal form, one of
// ORG_TAIL, or a word that is a surname too but not right after a name ("... Lane", "... City").
const ORG_AFTER = new RegExp(
  `^[ \\t]+(?:&[ \\t]+(?:co|sons|partners|associates)|s\\.?a\\.?|s\\.?r\\.?l\\.?|b\\.?v\\.?|n\\.?v\\.?|inc|ltd|llc|corp|co|ag|plc|pty|pvt|oy|ab|kg|group|bank|st|ave|rd|lane|drive|city|county|island|orchestra|${[...ORG_TAIL].join('|')})(?![\\p{L}])`,
  'iu',
);
const LAST_WORD = /[\p{L}'’-]+$/u;
// A pronoun with a contracted verb ("I'm", "We'll").
const CONTRACTION = /^(?:i|you|we|they|he|she|it|that|there|here|what|who|let)['’](?:m|s|ll|re|ve|d)$/;
// Capitalised function words right after a run mark Title Case (headlines, song and book titles).
const TITLE_CASE_AFTER = /^[ \t]+(?:Of|The|To|And|A|An|In|For|On|At|With|By|From|Is|Are|You|Your|You're|It|My|Our|But|Or|Not)(?![a-z])/;

// The ordinary capitalised words inside longer runs, rejected where they stand (no string cut out,
// no lower-casing).
const CAPITALISED_WORDS = new WordTable(CAPITALISED);

/** `isNameToken(text.slice(start, end))`, without the slice for the most common words. */
function isNameTokenAt(text: string, start: number, end: number): boolean {
  return end - start >= 2 && !CAPITALISED_WORDS.has(text, start, end) && isNameToken(text.slice(start, end));
}

/** `/^[A-Z]\.?$/.test(text.slice(start, end))`: a middle initial. */
function isInitialAt(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return false;
  return end - start === 1 || (end - start === 2 && text.charCodeAt(start + 1) === 46);
}

function isNameToken(token: string): boolean {
  if (token.length < 2) return false;
  let bare = token.toLowerCase();
  const last = bare.charCodeAt(bare.length - 1);
  if (last === 46 || last === 39 || last === 0x2019) bare = bare.replace(/[.'’]+$/, '');
  if (NOT_NAME_WORDS.has(bare) || CONTRACTION.test(bare)) return false;
  // A compound with an ordinary word ("Task-Oriented", "Step-by-Step") is not a double-barrelled
  // name; short particles ("El-Amin", "Al-", "Min-jun") are not checked.
  if (bare.includes('-')) for (const part of bare.split('-')) if (part.length >= 4 && NOT_NAME_WORDS.has(part)) return false;
  // Mostly capitals (acronyms, shouted places) are not names.
  let caps = 0;
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) !== bare.charCodeAt(i)) caps++;
  if (caps > Math.max(1, Math.floor(token.length / 3))) return false;
  return !STREET_WORD.test(bare) && !/(?:strasse|straße|gasse|gatan|vägen|veien|straat|utca)$/.test(bare);
}

// A table header with a name column ("id,full_name,email", "first_name;last_name;team").
// Cheap necessary condition of NAME_HEADER (most texts have no table, and this is a literal search).
const HEADER_HINT = /nam|nom|apellid|surn|foren/i;
const NAME_HEADER = /(?:^|[\t,;|])[ \t]*"?(?:(?:first|last|full|given|family|middle|customer|contact|employee|client|patient|student|guest|person)[ _-]?name|name|surname|forename|firstname|lastname|fullname|nombre|apellidos?|nom|pr[ée]nom|vorname|nachname)"?[ \t]*(?:[\t,;|]|$)/im;
const NAME_COLUMN = /^(?:(?:first|last|full|given|family|middle|customer|contact|employee|client|patient|student|guest|person)[ _-]?name|name|surname|forename|firstname|lastname|fullname|nombre|apellidos?|nom|pr[ée]nom|vorname|nachname)$/i;
const CELL_NAME = /^[^\d@#/\\:=<>{}[\]]{2,60}$/;

/**
 * Cells of the name columns of delimited tables (CSV, TSV, semicolon or pipe separated): every row
 * after a header with a name column, up to a blank line or a row of another width.
 */
function findNameColumns(text: string, push: (s: number, e: number, score: number) => void): void {
  let lineStart = 0;
  let columns: number[] | null = null;
  let delimiter = '';
  let width = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (columns === null) {
      const d = delimiterOf(line);
      if (d !== '') {
        const names: number[] = [];
        const cells = line.split(d);
        cells.forEach((c, k) => {
          if (NAME_COLUMN.test(c.trim().replace(/^"|"$/g, ''))) names.push(k);
        });
        if (names.length > 0) {
          columns = names;
          delimiter = d;
          width = cells.length;
        }
      }
    } else if (line.trim() === '' || line.split(delimiter).length !== width) {
      columns = null;
    } else {
      let at = lineStart;
      const cells = line.split(delimiter);
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k] as string;
        if (columns.includes(k)) {
          const lead = cell.length - cell.trimStart().length;
          const value = cell.trim().replace(/^"|"$/g, '');
          const start = at + lead + (cell.trimStart().startsWith('"') ? 1 : 0);
          if (CELL_NAME.test(value) && /\p{L}/u.test(value)) push(start, start + value.length, 0.8);
        }
        at += cell.length + delimiter.length;
      }
    }
    lineStart = lineEnd + 1;
  }
}

/** The delimiter of a header line: a tab, semicolon, pipe or comma, whichever it has most of. */
function delimiterOf(line: string): string {
  let best = '';
  let most = 0;
  for (const d of ['\t', ';', '|', ',']) {
    const n = line.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

// Items of one list (start, end pairs).
const LIST_SPANS = new Int32Array(64);

/** Lists of names after LIST_CUE: at least two items, two thirds of them names; the names are reported. */
function findLists(text: string, push: (s: number, e: number, score: number) => void): void {
  LIST_CUE.lastIndex = 0;
  for (let m = LIST_CUE.exec(text); m !== null; m = LIST_CUE.exec(text)) {
    let at = LIST_CUE.lastIndex;
    let n = 0;
    let named = 0;
    while (n < 32) {
      LIST_ITEM.lastIndex = at;
      if (!LIST_ITEM.test(text)) break;
      const end = LIST_ITEM.lastIndex;
      if (end < text.length && isLetterOrDigit(text.charCodeAt(end))) break;
      let name = true;
      for (let t = at; t < end; ) {
        let e = t + 1;
        while (e < end && !isBlank(text.charCodeAt(e))) e++;
        if (!isNameTokenAt(text, t, e)) name = false;
        t = e;
        while (t < end && isBlank(text.charCodeAt(t))) t++;
      }
      if (name) named++;
      // A non-name item (initials, a word) is kept as -1 - start, so it is not reported.
      LIST_SPANS[2 * n] = name ? at : -1 - at;
      LIST_SPANS[2 * n + 1] = end;
      n++;
      LIST_SEPARATOR.lastIndex = end;
      if (!LIST_SEPARATOR.test(text)) break;
      at = LIST_SEPARATOR.lastIndex;
    }
    // Two thirds of the items must be names ("Present: RJ, Nadia, Kristof" is a list of people;
    // "Team: Design, Marketing and Sales" is not).
    if (n >= 2 && named * 3 >= n * 2) {
      for (let k = 0; k < n; k++) if ((LIST_SPANS[2 * k] as number) >= 0) push(LIST_SPANS[2 * k] as number, LIST_SPANS[2 * k + 1] as number, 0.8);
    }
    if (LIST_CUE.lastIndex < at) LIST_CUE.lastIndex = at;
  }
}

/** A single name spoken to: see VOCATIVE_AFTER (adverbs such as "Additionally, can ..." are not names). */
function vocative(text: string, start: number, end: number, before: string, after: string): boolean {
  if (after.charCodeAt(0) === 44) return VOCATIVE_AFTER.test(after) && lineStart(text, start) && !(end - start >= 7 && text.endsWith('ly', end));
  return VOCATIVE_END.test(after) && COMMA_BEFORE.test(before);
}

function lineStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}

function sentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === '“' || text[i] === '(')) i--;
  return i < 0 || '.!?\n:;'.includes(text[i] as string);
}

/**
 * Person names, structure- and context-based (no name dictionary): a name introduced by a cue
 * ("my name is", a title, a greeting, "said") scores 0.8-0.85; two to four capitalised tokens
 * that are not ordinary words score 0.6 (lower at a sentence start, after a place preposition,
 * or next to a number). Lower-case names and single names without a cue are missed.
 * @example
 * personName().find('Please ask Maria Keller to call me', out) // pii.person-name
 */
export function personName(): Recognizer {
  const tokens: Tokens = { at: new Int32Array(2 * (MAX_TOKENS + 1)), count: 0 };
  return {
    id: 'pii.person-name',
    kinds: ['pii.person-name'],
    maxMatchLength: 100,
    find(text: string, out: DetectorMatch[]) {
      const push = (start: number, end: number, score: number) => out.push({ start, end, kind: 'pii.person-name', score });
      RUN_START.lastIndex = 0;
      while (RUN_START.test(text)) {
        const start = RUN_START.lastIndex - 1;
        RUN.lastIndex = start;
        RUN.test(text);
        const end = RUN.lastIndex;
        RUN_START.lastIndex = end;
        if (start > 0 && isLetterOrDigit(text.charCodeAt(start - 1))) continue;
        if (end - start > 120) continue;
        tokenize(text, start, end, tokens);
        if (tokens.count === 1) {
          // One capitalised word: a name only after a cue, and most are ordinary words (after a
          // title, any word the run scan reaches: "Dr. Strange"; the commonest words never get here).
          if (isNameTokenAt(text, start, end) || (end - start >= 2 && TITLE_CUE.test(text.slice(Math.max(0, start - 24), start)))) judge(text, start, end, 1, push);
          continue;
        }
        // Names have at most four tokens: a longer capitalised run is Title Case text (headings,
        // titles, shouting), not a list of names.
        if (tokens.count > MAX_TOKENS) continue;
        // Split the run at ordinary words; each remaining run of name tokens is a candidate.
        let runStart = -1;
        let runEnd = -1;
        let count = 0;
        for (let t = 0; t < tokens.count; t++) {
          const tokenStart = tokens.at[2 * t] as number;
          const tokenStop = tokens.at[2 * t + 1] as number;
          if (runStart !== -1 && (isInitialAt(text, tokenStart, tokenStop) || (t + 1 < tokens.count && PARTICLE_WORD.test(text.slice(tokenStart, tokenStop))))) continue;
          // After a title token in the same run a capitalised word is a surname ("Ms Gates").
          const name = isNameTokenAt(text, tokenStart, tokenStop) || (t > 0 && tokenStop - tokenStart >= 2 && TITLE_TOKEN.test(text.slice(tokens.at[2 * t - 2] as number, tokens.at[2 * t - 1] as number)) && !TITLE_TOKEN.test(text.slice(tokenStart, tokenStop)));
          if (name && count < 4) {
            if (runStart === -1) runStart = tokenStart;
            runEnd = tokenStop;
            count++;
            continue;
          }
          if (runStart !== -1) judge(text, runStart, runEnd, count, push);
          runStart = name ? tokenStart : -1;
          runEnd = tokenStop;
          count = name ? 1 : 0;
        }
        if (runStart !== -1) judge(text, runStart, runEnd, count, push);
      }
      if (text.includes(':')) findLists(text, push);
      if (text.includes('\n') && HEADER_HINT.test(text) && NAME_HEADER.test(text)) findNameColumns(text, push);
      if (NAMING_CUE.test(text)) {
        LOWER_NAME.lastIndex = 0;
        for (let m = LOWER_NAME.exec(text); m !== null; m = LOWER_NAME.exec(text)) {
          const name = m[1] as string;
          if (NOT_NAME_WORDS.has(name.toLowerCase()) || name[0] !== (name[0] as string).toLowerCase()) continue;
          const start = m.index + m[0].length - name.length;
          push(start, start + name.length, 0.8);
        }
      }
    },
  };
}

/** Whether the run `text[start, end)` ends in the word for an organisation, a facility or a street (ORG_TAIL). */
function orgTail(text: string, start: number, end: number): boolean {
  const last = LAST_WORD.exec(text.slice(start, end));
  return last !== null && ORG_TAIL.has(last[0].toLowerCase());
}

function judge(text: string, start: number, end: number, count: number, push: (s: number, e: number, score: number) => void): void {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 24), start);
  if (count === 1) {
    // A single token needs a cue: a title, a naming or greeting word, or "said" after it.
    if (TITLE_CUE.test(before)) push(start, end, 0.85);
    else if ((STRONG_CUE.test(before) || (SAID_AFTER.test(after) && !POSSESSIVE.test(text.slice(start, end))) || vocative(text, start, end, before, after)) && !ORG_AFTER.test(after)) push(start, end, 0.8);
    return;
  }
  if (ORG_AFTER.test(after) || TITLE_CASE_AFTER.test(after) || orgTail(text, start, end)) return;
  const nearNumber = /\d[ \t]*$/.test(before) || /^[ \t]*\d/.test(after);
  if (TITLE_CUE.test(before)) push(start, end, 0.85);
  else if (STRONG_CUE.test(before) || SAID_AFTER.test(after)) push(start, end, 0.8);
  else if (!nearNumber) {
    if (WEAK_CUE.test(before)) push(start, end, 0.6);
    else push(start, end, PLACE_CUE.test(before) ? 0.45 : sentenceStart(text, start) ? 0.55 : 0.6);
  }
}
