import type { DetectorMatch } from '../../types.js';
import type { Recognizer } from './recognizer.js';

// Street type words (USPS Publication 28 suffixes, UK and Commonwealth usage), as whole words.
const SUFFIX =
  'street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|square|sq|terrace|ter|way|parkway|pkwy|highway|hwy|' +
  'circle|cir|trail|trl|crescent|cres|close|grove|gardens|gdns|row|mews|alley|aly|plaza|plz|loop|pike|path|point|pt|ridge|rdg|isle|' +
  'squares|forges|forge|fort|ft|mall|station|sta|crossing|xing|expressway|expy|freeway|fwy|junction|jct|center|ctr|heights|hts|hill|hills|' +
  'park|port|prairie|ranch|springs|summit|valley|vly|village|vlg|wells|harbor|harbour|estate|estates|green|' +
  'meadow|meadows|mill|mills|motorway|orchard|oval|quay|route|rte|shore|shores|turnpike|tpke|underpass|wharf|' +
  'causeway|commons|corners|cove|creek|dale|falls|ferry|fields|flats|ford|fords|forks|' +
  'gateway|glen|glens|haven|hollow|inlet|knoll|knolls|landing|locks|manor|' +
  'overpass|pines|plains|rapids|shoals|skyway|stravenue|throughway|trafficway|tunnel|viaduct|vista';
// Continental street words written as a suffix of the street name or as a separate word.
const EU_SUFFIX = 'straße|strasse|str\\.|gasse|weg|platz|allee|damm|ufer|chaussee|steig|gata|gatan|vägen|veien|vegen|gade|vej|straat|laan|gracht|kade|plein|katu|kuja|út|utca|útja|tér|körút|utica|ulica|cesta|sokak|caddesi|bulvarı';
const EU_PREFIX = 'rue|avenue|boulevard|bd|chemin|allée|impasse|place|quai|via|viale|vicolo|piazza|corso|largo|calle|avenida|av\\.|paseo|plaza|carrer|rua|travessa|praça|ul\\.|ulica|al\\.|aleja|os\\.|plac|str\\.|strada|bulevardul';
// Function words never appear in a street name ("114 in its mission" is a sentence).
const FUNCTION_WORD = /^(?:in|its|it|is|the|of|and|to|a|an|for|on|at|by|with|from|my|your|our|his|her|their|this|that|was|were|be|as|or|we|you|they|he|she|i)$/i;
const UNIT = '(?:,?[ \\t]+(?:apt|apartment|suite|ste|unit|floor|fl|room|rm|#)\\.?[ \\t]*#?[0-9A-Za-z\\-]{1,6})?';
// Letters as explicit ranges (Latin, Greek, Cyrillic): Unicode property escapes cost ~50 µs per KB.
const L = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ɏͰ-ϿЀ-ӿ';
const WORD = `[${L}][${L}'’.\\-]{0,24}`;

const US_STYLE = new RegExp(
  `(?<![${L}0-9])\\d{1,6}[A-Za-z]?(?:[ \\t]+(?:${WORD}|\\d{1,4}(?:st|nd|rd|th)))(?:[ \\t]+(?:${WORD}|\\d{1,4}(?:st|nd|rd|th))){0,3}?[ \\t]+(?:${SUFFIX})\\.?(?![${L}0-9])${UNIT}`,
  'gi',
);
const EU_NAME_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${WORD}[ \\t]+){0,3}?[\\p{L}\\p{M}\\-]{2,30}(?:${EU_SUFFIX})(?![\\p{L}])[ \\t]+\\d{1,5}[A-Za-z]?(?:[/\\-]\\d{1,4})?(?![\\p{L}\\p{N}])\\.?${UNIT}`, 'giu');
// Every pattern not anchored on a leading house number ends in a number preceded by a word
// ("Hauptstraße 5", "Via Roma 12", "P.O. Box 149", "lives at Storgata 7"). Those numbers are
// found with a hand-written digit-run scan (`numberRuns`), and only when the text just before one
// holds a street word, a street prefix or a cue are the full patterns run, on a window around it.
const BEFORE_HINT = new RegExp(
  `(?:${EU_SUFFIX})\\.?[ \\t]{1,3}$|(?:^|[^a-zà-ÿ])(?:${EU_PREFIX})[ \\t]|address|lives? (?:at|in|on)|located at|ship(?:ped)? to|deliver|moved to|arrived at|office is|off at|meet (?:you|me) at|corner of|resides? at|box[ \\t]{1,3}$|postfach|apartado|(?:^|[^a-z])(?:apo|fpo|dpo|uss|usns|uscgc|psc|unit)[ \\t]`,
);
// Necessary conditions of the window patterns, tested on the lower-cased window first (each
// full pattern is a Unicode, case-insensitive scan with lookbehind: ~10x the cost of these).
const HAS_EU_SUFFIX_NUMBER = new RegExp(`(?:${EU_SUFFIX})[ \\t]+\\d`);
const HAS_EU_PREFIX = new RegExp(`(?:${EU_PREFIX})[ \\t]`);
const HAS_BOX = /box|postfach|apartado|postale/;
const HAS_MILITARY = /(?:apo|fpo|dpo)[ \t]/;
const HAS_CUE = /address|live|located|(?:is|are)\s+at|ship|send|deliver|moved|arrived|office|off\s+at|meet|corner|reside/;

const EU_PREFIXED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${EU_PREFIX})(?:[ \\t]+${WORD}){1,4}?,?[ \\t]+\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])${UNIT}`, 'giu');
const PO_BOX = /(?<![\p{L}\p{N}])(?:p\.? ?o\.? box|post office box|postfach|apartado|boîte postale|unit \d{1,5} box|psc \d{1,5},? box)[ \t]+\d{1,6}(?:[ \t\n,]+(?:apo|fpo|dpo)[ \t]+(?:aa|ae|ap)[ \t]+\d{5})?/giu;
const MILITARY = /(?<![\p{L}\p{N}])(?:(?:uss|usns|usnv|uscgc)[ \t]+[\p{L}-]{2,30}|unit[ \t]+\d{1,5}[ \t]+box[ \t]+\d{1,5}|psc[ \t]+\d{1,5},?[ \t]+box[ \t]+\d{1,5})[ \t\n,]+(?:apo|fpo|dpo)[ \t]+(?:aa|ae|ap)[ \t]+\d{5}/giu;
// One segment that may follow a street line: a unit ("Apt. 5"), a capitalised city, region or
// country with an optional region code and postcode, or a postcode alone. Segments are joined by a
// comma or a line break (or a space before a unit); lower-case words end the address.
const CAP = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]{0,30}";
const SEGMENT = new RegExp(
  `^(?:[ \\t]*[,\\n][ \\t>]*|[ \\t]+(?=(?:apt|apartment|suite|ste|unit|floor|fl)\\b))` +
    `((?:apt|apartment|suite|ste|unit|floor|fl|room|rm)\\.?[ \\t]*#?[0-9A-Za-z\\-]{1,6}|${CAP}(?:[ \\t]+(?:${CAP}|de|del|la|le|di|da|do|nad|pod|am|an|u|im|sur|en))*?(?:,?[ \\t]+[A-Z]{2,3})?(?:,?[ \\t]+(?:\\d{4,6}(?:-\\d{3,4})?|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}))?|\\d{4,6}(?:-\\d{3,4})?|[A-Z]{2,3}(?:[ \\t]+\\d{5})?)(?![\\p{L}\\p{N}])`,
  'iu',
);
// Cheap check at the end of a street line before reading a continuation segment.
const SEGMENT_START = /[ \t]*[,\n]|[ \t]+(?:apt|apartment|suite|ste|unit|floor|fl)\b/iy;
// Cues that announce an address; after one, "Streetname 12" and "12 Streetname 34" count too.
const CUE = /(?<![\p{L}])(?:address(?:\s+is)?|lives?\s+(?:at|in|on)|located\s+at|(?:is|are)\s+at|ship(?:ped)?\s+to|send\s+(?:it\s+)?to|deliver(?:ed)?\s+to|moved\s+to|arrived\s+at|office\s+is\s+(?:at|in)|off\s+at|meet\s+(?:you|me)\s+at|corner\s+of|resides?\s+at|address:)[:,]?[ \t\n>]+/giu;
const CUED_VALUE = new RegExp(`(?:\\d{1,6}[ \\t]+)?${CAP}(?:[ \\t]+(?:${CAP}|[\\p{Ll}]{1,12})){0,3}?[ \\t]+\\d{1,5}[A-Za-z]?\\.?(?![\\p{L}\\p{N}])`, 'uy');

/**
 * Street addresses, structure-based: a house number, street words and a street type (US/UK
 * style), a continental street name with its number (`Hauptstraße 5`, `Via Roma 12`), PO boxes and
 * military addresses; a following city/region/postcode line is included. Score 0.6-0.7.
 * @example
 * streetAddress().find('ship to 1600 Pennsylvania Ave NW, Washington, DC 20500', out) // pii.street-address
 */
export function streetAddress(): Recognizer {
  return {
    id: 'pii.street-address',
    needsDigit: true,
    kinds: ['pii.street-address'],
    maxMatchLength: 200,
    find(text: string, out: DetectorMatch[]) {
      const add = (start: number, end: number, score: number) => {
        // Extend over up to four unit, city, region, country and postcode segments.
        for (let i = 0; i < 4; i++) {
          SEGMENT_START.lastIndex = end;
          if (!SEGMENT_START.test(text)) break;
          const c = SEGMENT.exec(text.slice(end, end + 80));
          if (c === null) break;
          end += c[0].length;
        }
        out.push({ start, end, kind: 'pii.street-address', score });
      };
      // Every address has a number next to a word; most texts have none (a digit-first scan).
      if (!NUMBER_NEXT_TO_WORD.test(text)) return;
      const found: { start: number; end: number }[] = [];
      US_STYLE.lastIndex = 0;
      for (let m = US_STYLE.exec(text); m !== null; m = US_STYLE.exec(text)) {
        if (m[0].split(/[ \t]+/).slice(1, -1).some((w) => FUNCTION_WORD.test(w))) continue;
        add(m.index, m.index + m[0].length, 0.65);
        found.push({ start: m.index, end: out[out.length - 1]!.end });
      }
      let covered = 0;
      // Windows around numbers that follow a street word, prefix or cue; merged.
      const windows: { start: number; end: number }[] = [];
      NUMBER_AFTER_WORD.lastIndex = 0;
      for (let m = NUMBER_AFTER_WORD.exec(text); m !== null; m = NUMBER_AFTER_WORD.exec(text)) {
        // Numbers inside an address already found need no second look.
        while (covered < found.length && (found[covered] as { end: number }).end <= m.index) covered++;
        const f = found[covered];
        if (f !== undefined && f.start <= m.index && m.index < f.end) continue;
        const before = text.slice(Math.max(0, m.index - 80), m.index).toLowerCase();
        if (!BEFORE_HINT.test(before)) continue;
        let start = Math.max(0, m.index - 120);
        while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
        const end = Math.min(text.length, m.index + 64);
        const last = windows[windows.length - 1];
        if (last !== undefined && start <= last.end) last.end = end;
        else windows.push({ start, end });
      }
      for (const w of windows) {
        const part = text.slice(w.start, w.end);
        for (const [re, score] of [
          [EU_NAME_NUMBER, 0.65],
          [EU_PREFIXED, 0.6],
          [PO_BOX, 0.7],
          [MILITARY, 0.75],
        ] as const) {
          re.lastIndex = 0;
          for (let m = re.exec(part); m !== null; m = re.exec(part)) add(w.start + m.index, w.start + m.index + m[0].length, score);
        }
        CUE.lastIndex = 0;
        for (let m = CUE.exec(part); m !== null; m = CUE.exec(part)) {
          CUED_VALUE.lastIndex = m.index + m[0].length;
          const v = CUED_VALUE.exec(part);
          if (v === null || v[0].split(/[ \t]+/).some((word) => FUNCTION_WORD.test(word))) continue;
          add(w.start + v.index, w.start + v.index + v[0].length, 0.6);
        }
      }
    },
  };
}
