import type { DetectorMatch } from '../../types.js';
import { digitDense, digitRuns, isDigit, lowerOf } from './gates.js';
import type { Recognizer } from './recognizer.js';
import { literalAtoms, trieSource } from './trie.js';

// Street type words (USPS Publication 28 suffixes, UK and Commonwealth usage), as whole words.
const SUFFIX =
  'street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|square|sq|terrace|ter|way|parkway|pkwy|highway|hwy|' +
  'circle|cir|trail|trl|crescent|cres|close|grove|gardens|gdns|row|mews|alley|aly|plaza|plz|loop|pike|path|point|pt|ridge|rdg|isle|' +
  'squares|forges|forge|fort|ft|mall|station|sta|crossing|xing|expressway|expy|freeway|fwy|junction|jct|center|ctr|heights|hts|hill|hills|' +
  'park|port|prairie|ranch|springs|summit|valley|vly|village|vlg|wells|harbor|harbour|estate|estates|green|' +
  'meadow|meadows|mill|mills|motorway|orchard|oval|quay|route|rte|shore|shores|turnpike|tpke|underpass|wharf|' +
  'causeway|commons|corners|cove|creek|dale|falls|ferry|fields|flats|ford|fords|forks|' +
  'gateway|glen|glens|haven|hollow|inlet|knoll|knolls|landing|locks|manor|' +
  'overpass|pines|plains|rapids|shoals|skyway|stravenue|throughway|trafficway|tunnel|viaduct|vista|' +
  'parade|esplanade|embankment|promenade|cottages';
// Continental street words written as a suffix of the street name or as a separate word.
const EU_SUFFIX = 'straße|strasse|str\\.|gasse|weg|platz|allee|damm|ufer|chaussee|steig|gata|gatan|vägen|veien|vegen|gade|vej|straat|laan|gracht|kade|plein|katu|kuja|út|utca|útja|tér|körút|utica|ulica|cesta|sokak|caddesi|bulvarı';
const EU_PREFIX = 'rue|avenue|boulevard|bd|chemin|allée|impasse|place|quai|via|viale|vicolo|piazza|corso|largo|calle|avenida|av\\.|paseo|plaza|carrer|rua|travessa|praça|ul\\.|ulica|al\\.|aleja|os\\.|plac|str\\.|strada|bulevardul|vul\\.|vulytsia|ulitsa';
// Function words never appear in a street name ("114 in its mission" is a sentence).
const FUNCTION_WORD_LIST = 'in its it is the of and to a an for on at by with from my your our his her their this that was were be as or we you they he she i'.split(' ');
const FUNCTION_WORDS = trieSource(FUNCTION_WORD_LIST);
const FUNCTION_WORD_SET: ReadonlySet<string> = new Set(FUNCTION_WORD_LIST);
// A function word between blanks: inside a match that starts and ends with other words, one of its
// inner words (as the words of `split(/[ \t]+/)` tested by /^(?:in|its|...)$/i).
const INNER_FUNCTION_WORD = new RegExp(`[ \\t]${FUNCTION_WORDS}(?=[ \\t])`, 'i');
// A function word anywhere among the blank-separated words of a match.
const ANY_FUNCTION_WORD = new RegExp(`(?:^|[ \\t])${FUNCTION_WORDS}(?=[ \\t]|$)`, 'i');
// A unit on the street line: its word stands alone and its number holds a digit or is one letter.
// Singapore's floor-unit form "#05-1234" too.
const UNIT = '(?:,?[ \\t]+(?:(?:apt|apartment|suite|ste|unit|floor|fl|room|rm)(?![a-z])|#)\\.?[ \\t]*#?(?:\\d{1,3}-\\d{1,5}(?![0-9a-z])|(?=[0-9a-z\\-]{0,5}\\d)[0-9a-z\\-]{1,6}|[a-z](?![a-z])))?';
// Letters as explicit ranges (Latin, Greek, Cyrillic): Unicode property escapes cost ~50 µs per KB.
const L = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ɏͰ-ϿЀ-ӿ';
const WORD = `[${L}][${L}'’.\\-]{0,24}`;
// A compass direction after the street type: "Peachtree Street NE", "Fairview Ave E", "Queen's Road East".
const DIRECTIONAL = `(?:[ \\t]+(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\.?(?![${L}0-9]))?`;
// Words in the cases they are written in: apt, Apt, APT.
const cased = (words: readonly string[]) => words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);

// The street types as a trie: tried after each of up to four words, the list of 150 alternatives
// was most of the pattern's cost. Same matches: a street type must end where the word ends (the
// lookahead), so at most one type fits at a place, whatever the order they are tried in.
const STREET_TYPE = `${trieSource(SUFFIX.split('|'))}\\.?(?![${L}0-9])`;
// A second street type may follow the first ("Industrial Park Rd", "Primrose Hill Court"), and a
// numbered street its number ("Ang Mo Kio Ave 3", "Al Wasl Road 12").
// Not a count that goes on in lower case ("12 Oak Road 3 times").
const NUMBERED = `(?:[ \\t]+\\d{1,3}(?![${L}0-9]|[ \\t]+[a-z]))?`;
const US_STYLE = new RegExp(
  `(?<![${L}0-9])\\d{1,6}[A-Za-z]?(?:[ \\t]+(?:${WORD}|\\d{1,4}(?:st|nd|rd|th)))(?:[ \\t]+(?:${WORD}|\\d{1,4}(?:st|nd|rd|th))){0,3}?[ \\t]+${STREET_TYPE}(?:[ \\t]+${STREET_TYPE})?${NUMBERED}${DIRECTIONAL}${UNIT}`,
  'yi',
);
const EU_NAME_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${WORD}[ \\t]+){0,3}?[\\p{L}\\p{M}\\-]{2,30}[ \\t]?(?:${EU_SUFFIX})(?![\\p{L}])[ \\t]+(?:No[.:]?[ \\t]*)?\\d{1,5}[A-Za-z]?(?:[/\\-]\\d{1,4})?(?![\\p{L}\\p{N}])\\.?${UNIT}`, 'giu');
// Every pattern not anchored on a leading house number ends in a number preceded by a word
// ("Hauptstraße 5", "Via Roma 12", "P.O. Box 149", "lives at Storgata 7"). Those numbers are
// found from the digit runs (`numberRuns`), and only when the text just before one holds a
// street word, a street prefix or a cue are the full patterns run, on a window around it:
//   (?:EU_SUFFIX)\.?[ \t]{1,3}$|(?:^|[^a-zà-ÿ])(?:EU_PREFIX)[ \t]|address|lives? (?:at|in|on)|located at|
//   ship(?:ped)? to|deliver|moved to|arrived at|office is|off at|meet (?:you|me) at|corner of|
//   resides? at|box[ \t]{1,3}$|postfach|apartado|(?:^|[^a-z])(?:apo|fpo|dpo|uss|usns|uscgc|psc|unit)[ \t]
// tested in cheaper parts on the lower-cased 80 characters before the number (`beforeHint`). Its
// end-anchored branches (a street word or "box" just before the number) need only the last 16
// characters. Each other branch contains one of the phrases or words-and-a-blank of one trie, and
// only when that matches are those branches run with their word boundaries (rare in prose).
// The words of an alternation source (`av\\.` is the word "av.").
const wordsOf = (alternation: string) => alternation.split('|').map((w) => w.replace(/\\\./g, '.'));
const MILITARY_WORDS = ['apo', 'fpo', 'dpo', 'uss', 'usns', 'uscgc', 'psc', 'unit'];
const CUE_PHRASES = [
  'address', 'lives at', 'lives in', 'lives on', 'live at', 'live in', 'live on', 'located at', 'ship to', 'shipped to', 'deliver', 'moved to', 'arrived at',
  'office is', 'off at', 'meet you at', 'meet me at', 'corner of', 'reside at', 'resides at', 'postfach', 'apartado',
  // the word for "address" in other languages (and "flat", as in a Swedish lease)
  'adres', 'dirección', 'direccion', 'indirizzo', 'endereço', 'endereco', 'anschrift', 'cím:', 'osoite', 'διεύθυνση', 'lägenhet', 'envío a', 'envío para',
];
const BEFORE_END = new RegExp(`(?:${trieSource(wordsOf(EU_SUFFIX))}\\.?(?:[ \\t]+no[.:]?)?|box)[ \\t]{1,3}$`);
const BEFORE_WORDS = new RegExp(trieSource([...[...wordsOf(EU_PREFIX), ...MILITARY_WORDS].map((w) => [...literalAtoms(w), '[ \\t]']), ...CUE_PHRASES]));
const BEFORE_ANYWHERE = new RegExp(
  `(?:^|[^a-zà-ÿ])${trieSource(wordsOf(EU_PREFIX))}[ \\t]|${trieSource(CUE_PHRASES)}|(?:^|[^a-z])${trieSource(MILITARY_WORDS)}[ \\t]`,
);
const END_WINDOW = 24; // longest BEFORE_END match: "chaussee" + "." + " no:" + three blanks

/** The pattern above on the 80 characters before a number. */
function beforeHint(before: string): boolean {
  if (BEFORE_END.test(before.length > END_WINDOW ? before.slice(before.length - END_WINDOW) : before)) return true;
  return BEFORE_WORDS.test(before) && BEFORE_ANYWHERE.test(before);
}
// Necessary conditions of the window patterns, tested on the lower-cased window first (each
// full pattern is a Unicode, case-insensitive scan with lookbehind: ~10x the cost of these).
const HAS_EU_SUFFIX_NUMBER = new RegExp(`${trieSource(wordsOf(EU_SUFFIX))}[ \\t]+(?:no[.:]?[ \\t]*)?\\d`);
const HAS_EU_PREFIX = new RegExp(`${trieSource(wordsOf(EU_PREFIX))}[ \\t]`);
const HAS_BOX = /box|postfach|apartado|postale/;
const HAS_MILITARY = /(?:apo|fpo|dpo)[ \t]/;
const HAS_CUE = /address|live|located|(?:is|are)\s+at|ship|send|deliver|moved|arrived|office|off\s+at|meet|corner|reside|adres|direcci|indirizzo|endere|anschrift|cím:|osoite|διεύθυνση|lägenhet|envío/;

const EU_PREFIXED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${EU_PREFIX})(?:[ \\t]+${WORD}){1,4}?,?[ \\t]+\\d{1,5}[A-Za-z]?(?:\\/\\d{1,4}[A-Za-z]?)?(?![\\p{L}\\p{N}])${UNIT}`, 'giu');
// French and Canadian order: the number, then the street type, then its name ("14 Rue Saint-Denis",
// "2900 boulevard Édouard-Montpetit", "1190 Rue Sherbrooke Ouest"). Tried at house numbers.
// Only the types that are not also English nouns ("3 Place Settings", "2 Route Clearances").
const FR_TYPES = cased(['rue', 'boulevard', 'bd', 'avenue', 'av.', 'chemin', 'allée', 'impasse', 'quai'])
  .map((w) => w.replace('.', '\\.'))
  .join('|');
const FR_STYLE = new RegExp(
  `\\d{1,5}(?:[ \\t]*(?:bis|ter))?,?[ \\t]+(?:${FR_TYPES})[ \\t]+(?:(?:de la|de|du|des|la|le|l'|d')[ \\t]*)?\\p{Lu}[\\p{L}\\p{M}'’\\-]{1,30}(?:[ \\t]+(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]{1,30}|Ouest|Est|Nord|Sud)){0,3}(?![\\p{L}\\p{N}])${UNIT}`,
  'uy',
);
const PO_BOX = /(?<![\p{L}\p{N}])(?:p\.? ?o\.? box|post office box|postfach|apartado|boîte postale|unit \d{1,5} box|psc \d{1,5},? box)[ \t]+\d{1,6}(?:[ \t\n,]+(?:apo|fpo|dpo)[ \t]+(?:aa|ae|ap)[ \t]+\d{5})?/giu;
const MILITARY = /(?<![\p{L}\p{N}])(?:(?:uss|usns|usnv|uscgc)[ \t]+[\p{L}-]{2,30}|unit[ \t]+\d{1,5}[ \t]+box[ \t]+\d{1,5}|psc[ \t]+\d{1,5},?[ \t]+box[ \t]+\d{1,5})[ \t\n,]+(?:apo|fpo|dpo)[ \t]+(?:aa|ae|ap)[ \t]+\d{5}/giu;
const CAP = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]{0,30}";
const UNIT_WORDS = cased(['apt', 'apartment', 'suite', 'ste', 'unit', 'floor', 'fl', 'room', 'rm', 'flat', 'piso', 'oficina', 'office', 'lok', 'kv', 'apto', 'app', 'dept', 'depto', 'bureau', 'stock', 'scala', 'int', 'lgh', 'daire', 'kat', 'esc', 'escalera', 'puerta', 'porta', 'bus', 'boîte']).join('|');
// A unit: "Apt. 5", "Suite 200", "#05-1234", "4º 2ª", "3º Esq.", "2º izq.".
const UNIT_NUMBER = '#?(?:(?=[0-9A-Za-z\\-]{0,5}\\d)[0-9A-Za-z\\-]{1,6}|[A-Z](?![A-Za-z]))';
const UNIT_SEGMENT = `(?:${UNIT_WORDS})(?![A-Za-z])\\.?[ \\t]*${UNIT_NUMBER}|(?:[IVX]{1,4}|\\d{1,2})\\/\\d{1,3}\\.?|#\\d{1,3}-\\d{1,5}|\\d{1,2}[ºª°](?:[ \\t]*(?:\\d{1,2}[ºª]|[A-Z]|[Ii]zq|[Dd]cha|[Dd]er|[Ee]sq|[Dd]to)\\.?)?`;
// Postcodes: 5 or 4 digits (with a ZIP+4 or a Portuguese -063), 80-827, 105 63 / 111 21, Canadian, British.
const POSTCODE = '(?:\\d{4,6}(?:-\\d{3,4})?|\\d{2}-\\d{3}|\\d{3} \\d{2}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})';
// As people type it in chat: "springfield il 62704", "curitiba - pr, 80010-120".
const LOWER_CITY_ZIP = '\\p{Ll}[\\p{Ll}\'\\-]{1,20}(?:[ \\t]+\\p{Ll}[\\p{Ll}\'\\-]{1,20})?,?[ \\t]+(?:-[ \\t]+)?[a-z]{2},?[ \\t]+(?:\\d{5}(?:-\\d{3,4})?)';
// City words carry no dot, so a city ends at its sentence ("Springfield. Thanks Again").
const CITY_WORD = "\\p{Lu}[\\p{L}\\p{M}'’\\-]{0,30}";
const CITY = `${CITY_WORD}(?:[ \\t]+(?:${CITY_WORD}|de|del|la|le|di|da|do|nad|pod|am|an|u|im|sur|en))*(?:\\/${CITY_WORD})?`;
// The word for a neighbourhood before its name: Mexican "Col. Juárez", "Fracc.", Brazilian "Bairro".
const NEIGHBOURHOOD = '(?:Col\\.|Colonia|Fracc\\.|Fraccionamiento|Barrio|Bairro|Urb\\.|Urbanización)';
// One segment that may follow a street line: a unit, a neighbourhood, a named area or numbered
// street ("Al Barsha 2", "Street 45", "Sector 15"), a capitalised city, region or country with an
// optional region code and postcode, a postcode with or without its city, or a region code. Segments
// are joined by a comma or a line break (or a space before a unit); lower-case words end the address.
const SEGMENT = new RegExp(
  `^(?:[ \\t]*[,\\n][ \\t>]*|[ \\t]+(?=(?:${UNIT_WORDS})\\b|[A-Z][ \\t]+\\d))` +
    `(${UNIT_SEGMENT}|[A-Z][ \\t]+\\d{1,4}|\\d{3}[ \\t]+${CITY}|${NEIGHBOURHOOD}[ \\t]+${CITY}|${CITY_WORD}(?:[ \\t]+${CITY_WORD})?[ \\t]+\\d{1,3}(?![\\p{L}\\p{N}])|${CITY}(?:,?[ \\t]+(?:-[ \\t]+)?[A-Z]{2,3})?(?:,?[ \\t]+${POSTCODE})?|${POSTCODE}(?:[ \\t]+${CITY})?|[A-Z]{2,3}(?:[ \\t]+\\d{5})?|${LOWER_CITY_ZIP})(?![\\p{L}\\p{N}])`,
  'u',
);
// A last address line after a blank line: a city or country and a postcode, alone on its line.
const POSTCODE_LINE = new RegExp(`\\n[ \\t>]*\\n[ \\t>]*(?:${CITY}[ \\t]+)?${POSTCODE}(?![^\\n])`, 'uy');
// A postcode and city written before the street, on the same line ("1061 Budapest, Andrássy út 34.").
const LEADING_CITY = new RegExp(`(?<![\\p{L}\\p{N}])\\d{4,5}[ \\t]+${CITY},[ \\t]+$`, 'u');
// Words for a block or building: with its own number before the street line ("Villa 7, Street 18"),
// or just before the house number, which is then the block's ("Blk 123 Ang Mo Kio Ave 3").
const BLOCK_WORDS = cased(['villa', 'plot', 'blk', 'block', 'bldg', 'building']).join('|');
// A unit written before the street line, on the same line.
const LEADING_UNIT = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:${cased(['apt', 'apartment', 'suite', 'ste', 'unit', 'flat', 'office', 'room']).join('|')}|${BLOCK_WORDS})(?![A-Za-z])\\.?[ \\t]*${UNIT_NUMBER}|\\d{1,3}F|[A-Z]-\\d{1,4}),?[ \\t]+$`, 'u');
const LEADING_BLOCK = new RegExp(`(?<![\\p{L}\\p{N}])(?:${BLOCK_WORDS})\\.?[ \\t]+$`, 'u');
// Cheap check at the end of a street line before reading a continuation segment.
const SEGMENT_START = /[ \t]*[,\n]|[ \t]+(?:apt|apartment|suite|ste|unit|floor|fl|room|rm|flat|piso|oficina|office|lok|kv|apto|app|dept|depto|bureau|stock|scala|int|lgh|daire|kat|esc|escalera|puerta|porta|bus|boîte)\b|[ \t]+[A-Z][ \t]+\d/iy;
// Cues that announce an address; after one, "Streetname 12" and "12 Streetname 34" count too.
const CUE = /(?<![\p{L}])(?:address(?:\s+is)?|lives?\s+(?:at|in|on)|located\s+at|(?:is|are)\s+at|ship(?:ped)?\s+to|send\s+(?:it\s+)?to|deliver(?:ed)?\s+to|moved\s+to|arrived\s+at|office\s+is\s+(?:at|in)|off\s+at|meet\s+(?:you|me)\s+at|corner\s+of|resides?\s+at|address:|adres(?:se|a|u|i)?|direcci[oó]n|indirizzo|endere[cç]o|anschrift|c[ií]m|osoite|διεύθυνση|lägenhet|env[ií]o\s+(?:a|para))[:,]?[ \t\n>]+/giu;
// The patterns run in a window, each with its cheap necessary condition (on the lower-cased window).
const WINDOW_PATTERNS: readonly (readonly [pattern: RegExp, score: number, hint: RegExp])[] = [
  [EU_NAME_NUMBER, 0.65, HAS_EU_SUFFIX_NUMBER],
  [EU_PREFIXED, 0.6, HAS_EU_PREFIX],
  [PO_BOX, 0.7, HAS_BOX],
  [MILITARY, 0.75, HAS_MILITARY],
];
const CUED_VALUE = new RegExp(`(?:\\d{1,6}[ \\t]+)?${CAP}(?:[ \\t]+(?:${CAP}|[\\p{Ll}]{1,12})){0,3}?[ \\t]+\\d{1,5}[A-Za-z]?(?:\\/\\d{1,4}[A-Za-z]?)?\\.?(?![\\p{L}\\p{N}])`, 'uy');

// A street line without a street word, followed by a unit on the same line or the next, as in a
// postal block ("Puruntie 82 Apt. 595", "28030 Edeby 55\n Apt. 297"): a line that starts with an
// optional building number, one to five words and a house number. The unit is the evidence ("Unit"
// is not: "Chapter 4\nUnit 2" opens a lesson).
const UNIT_HINT = /(?:apt|apartment|suite|flat)\.?[ \t]*\d/i;
const STREET_BEFORE_UNIT = new RegExp(
  `(?<![^\\n])[ \\t>?]*((?:\\d{1,6}[ \\t]+)?${CAP}(?:[ \\t]+(?:${CAP}|\\p{Ll}{1,12})){0,4}?[ \\t]+\\d{1,5}[A-Za-z]?\\.?)(?:,?[ \\t]+|[ \\t]*\\n[ \\t>?]*)(?:Apt|Apartment|Suite|Flat)\\.?[ \\t]*\\d{1,5}(?![\\p{L}\\p{N}])`,
  'gu',
);

// A second street name after the street line, on the same line ("14 Crown Street Kishiev Squares",
// "Tungata 11 Rott Crossroad"): capitalised words ending in a capitalised street type.
const CAPITALISED_TYPES = SUFFIX.split('|').flatMap((w) => [w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
const STREET_TAIL = new RegExp(`[ \\t]+${CAP}(?:[ \\t]+${CAP}){0,2}?[ \\t]+${trieSource(CAPITALISED_TYPES)}\\.?(?![\\p{L}\\p{N}])`, 'uy');

const CORNER_OF = /corner of[ \t]+$/i;
// "and" / "&" and a capitalised street name of one to four words after an intersection's first street.
const CROSS_STREET = new RegExp(`[ \\t]+(?:and|&)[ \\t]+(?:\\d{1,6}[ \\t]+)?${CAP}(?:[ \\t]+${CAP}){0,3}`, 'uy');

/**
 * Street addresses, structure-based: a house number, street words and a street type (US/UK
 * style, with a compass direction), the French order (`14 Rue Saint-Denis`), a continental street
 * name with its number (`Hauptstraße 5`, `Via Roma 12`), PO boxes and military addresses; a unit
 * written before the street line, and the unit, city, region and postcode segments after it (same
 * line after commas, or the next lines), are included. Score 0.6-0.7.
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
        // A building or unit number written before the house number ("704 1436 Redbud Drive"), or
        // a unit ("Apt 5D, 310 Lenox Avenue", "Unit 4, Riverside ...").
        start = leadingNumberStart(text, start);
        const block = LEADING_BLOCK.exec(text.slice(Math.max(0, start - 12), start));
        if (block !== null) start -= block[0].length;
        const unit = LEADING_UNIT.exec(text.slice(Math.max(0, start - 24), start));
        if (unit !== null) start -= unit[0].length;
        const city = LEADING_CITY.exec(text.slice(Math.max(0, start - 40), start));
        if (city !== null) start -= city[0].length;
        STREET_TAIL.lastIndex = end;
        if (STREET_TAIL.test(text) && !ANY_FUNCTION_WORD.test(text.slice(end, STREET_TAIL.lastIndex))) end = STREET_TAIL.lastIndex;
        // An intersection: "the corner of <street> and <street>".
        if (CORNER_OF.test(text.slice(Math.max(0, start - 24), start))) {
          CROSS_STREET.lastIndex = end;
          const cross = CROSS_STREET.exec(text);
          if (cross !== null) end += cross[0].length;
        }
        // Extend over up to four unit, city, region, country and postcode segments.
        for (let i = 0; i < 4; i++) {
          SEGMENT_START.lastIndex = end;
          if (!SEGMENT_START.test(text)) break;
          const c = SEGMENT.exec(text.slice(end, end + 80));
          if (c === null) break;
          end += c[0].length;
        }
        // After a blank line, a line that is only a country or city with a postcode ("\n\n Denmark 35018").
        if (end < text.length && text.charCodeAt(end) === 10) {
          POSTCODE_LINE.lastIndex = end;
          if (POSTCODE_LINE.test(text)) end = POSTCODE_LINE.lastIndex;
        }
        out.push({ start, end, kind: 'pii.street-address', score });
      };
      // Every address has a number next to a word; most texts have none (one digit-run scan).
      const runs = numberRuns(text);
      if (runs === undefined) return;
      // The US-style addresses found, as [start, end] pairs in text order.
      const found: number[] = [];
      // US style starts at a house number of at most six digits (and an optional letter) followed
      // by a space: the pattern is tried only there (sticky; `test` builds no match), in text
      // order, past the last match.
      let after = 0;
      for (let r = 0; r < runs.length; r += 3) {
        const i = runs[r] as number;
        if (i < after || (runs[r + 2] as number) & NOT_HOUSE_NUMBER) continue;
        US_STYLE.lastIndex = i;
        if (US_STYLE.test(text)) after = US_STYLE.lastIndex;
        else {
          FR_STYLE.lastIndex = i;
          if (!FR_STYLE.test(text)) continue;
          after = FR_STYLE.lastIndex;
        }
        if (INNER_FUNCTION_WORD.test(text.slice(i, after))) continue;
        add(i, after, 0.65);
        found.push(i, out[out.length - 1]!.end);
      }
      if (UNIT_HINT.test(text)) {
        STREET_BEFORE_UNIT.lastIndex = 0;
        for (let m = STREET_BEFORE_UNIT.exec(text); m !== null; m = STREET_BEFORE_UNIT.exec(text)) {
          const line = m[1] as string;
          if (ANY_FUNCTION_WORD.test(line)) continue;
          const start = m.index + m[0].indexOf(line);
          add(start, start + line.length, 0.6);
        }
      }
      let covered = 0;
      // Windows around numbers that follow a street word, prefix or cue; merged.
      const windows: { start: number; end: number }[] = [];
      let lower: string | undefined;
      let sameLength = true;
      for (let r = 0; r < runs.length; r += 3) {
        if (!((runs[r + 2] as number) & AFTER_WORD)) continue;
        const index = runs[r] as number;
        // Numbers inside an address already found need no second look.
        while (covered < found.length && (found[covered + 1] as number) <= index) covered += 2;
        if (covered < found.length && (found[covered] as number) <= index && index < (found[covered + 1] as number)) continue;
        if (lower === undefined) {
          lower = lowerOf(text);
          sameLength = lower.length === text.length;
        }
        const from = Math.max(0, index - 80);
        const before = sameLength ? lower.slice(from, index) : text.slice(from, index).toLowerCase();
        if (!beforeHint(before)) continue;
        let start = Math.max(0, index - 120);
        while (start > 0 && !isJsSpace(text.charCodeAt(start - 1))) start--;
        const end = Math.min(text.length, index + 64);
        const last = windows[windows.length - 1];
        if (last !== undefined && start <= last.end) last.end = end;
        else windows.push({ start, end });
      }
      for (const w of windows) {
        const part = text.slice(w.start, w.end);
        const lowerPart = sameLength && lower !== undefined ? lower.slice(w.start, w.end) : part.toLowerCase();
        for (const [re, score, hint] of WINDOW_PATTERNS) {
          if (!hint.test(lowerPart)) continue;
          re.lastIndex = 0;
          for (let m = re.exec(part); m !== null; m = re.exec(part)) add(w.start + m.index + leadingFunctionWords(m[0]), w.start + m.index + m[0].length, score);
        }
        if (!HAS_CUE.test(lowerPart)) continue;
        CUE.lastIndex = 0;
        for (let m = CUE.exec(part); m !== null; m = CUE.exec(part)) {
          CUED_VALUE.lastIndex = m.index + m[0].length;
          const v = CUED_VALUE.exec(part);
          if (v === null || ANY_FUNCTION_WORD.test(v[0])) continue;
          add(w.start + v.index, w.start + v.index + v[0].length, 0.6);
        }
      }
    },
  };
}

// Flags of a digit run in `numberRuns`.
const NEXT_TO_WORD = 1; // spaces and then a word after it, or a word and 1-3 spaces before it
const AFTER_WORD = 2; // a letter or . , : and 1-3 spaces before it, at most six digits
const NOT_HOUSE_NUMBER = 4; // glued to a letter or digit before, over six digits, or no space after (+ a letter)

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** JavaScript's `\s`. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The letters of `[A-Za-zÀ-ÿĀ-ɏͰ-ϿЀ-ӿ]` (the street patterns' letter class, with À-ÿ whole) plus . , : */
function isWordEnd(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) || c === 46 || c === 44 || c === 58;
}

/** The street patterns' `[${L}0-9]` before a house number. */
function isLetterOrDigit(c: number): boolean {
  return (
    isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x24f) || (c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x4ff)
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// Some digit run is next to a word (NEXT_TO_WORD): digits, blanks and a character that is neither
// a space nor a digit, or such a character, one to three blanks and a digit. Tested natively in a
// digit-dense text (maybe a million runs), instead of reading each run's neighbours.
const RUN_NEXT_TO_WORD = /\d[ \t]+[^\s\d]|[^\s\d][ \t]{1,3}\d/;

/**
 * The text's digit runs (`digitRuns`) with their flags as [start, end, flags] triples, or
 * undefined when no run is next to a word (no address is possible: then nothing is built).
 */
function numberRuns(text: string): ArrayLike<number> | undefined {
  const dense = digitDense(text);
  if (dense && !RUN_NEXT_TO_WORD.test(text)) return undefined;
  const digits = digitRuns(text);
  if (!dense) {
    let first = 0;
    while (first < digits.length && !(runFlags(text, digits[first] as number, digits[first + 1] as number) & NEXT_TO_WORD)) first += 2;
    if (first === digits.length) return undefined;
  }
  // A typed array for the many runs of a dense text, a plain one (cheaper to make) for a few.
  const runs = dense ? new Int32Array((digits.length / 2) * 3) : new Array<number>((digits.length / 2) * 3);
  for (let r = 0, k = 0; r < digits.length; r += 2) {
    const i = digits[r] as number;
    const j = digits[r + 1] as number;
    runs[k++] = i;
    runs[k++] = j;
    runs[k++] = runFlags(text, i, j);
  }
  return runs;
}

/** The flags of the digit run [i, j). */
function runFlags(text: string, i: number, j: number): number {
  const n = text.length;
  let flags = 0;
  // After: spaces or tabs and then something that is neither a space nor a digit.
  let k = j;
  while (k < n && isBlank(text.charCodeAt(k))) k++;
  if (k > j && k < n && !isJsSpace(text.charCodeAt(k)) && !isDigit(text.charCodeAt(k))) flags |= NEXT_TO_WORD;
  // Before: 1-3 spaces or tabs and then a non-space, non-digit character.
  let b = i;
  while (b > 0 && i - b < 4 && isBlank(text.charCodeAt(b - 1))) b--;
  const blanks = i - b;
  if (blanks >= 1 && blanks <= 3 && b > 0) {
    const c = text.charCodeAt(b - 1);
    if (!isJsSpace(c) && !isDigit(c)) flags |= NEXT_TO_WORD;
    if (isWordEnd(c) && j - i <= 6) flags |= AFTER_WORD;
  }
  // A house number: not glued to a letter or digit before, 1-6 digits, an optional ASCII letter, then a blank.
  let h = j;
  if (h < n && isAsciiLetter(text.charCodeAt(h))) h++;
  if (j - i > 6 || (i > 0 && isLetterOrDigit(text.charCodeAt(i - 1))) || h >= n || !isBlank(text.charCodeAt(h))) flags |= NOT_HOUSE_NUMBER;
  return flags;
}

/** Length of the words up to the last function word among the first four ("meet you at Tungata 11"). */
function leadingFunctionWords(match: string): number {
  let cut = 0;
  let i = 0;
  for (let k = 0; k < 4 && i < match.length; k++) {
    let j = i;
    while (j < match.length && !isBlank(match.charCodeAt(j))) j++;
    if (j >= match.length) break;
    const word = match.slice(i, j).toLowerCase();
    while (j < match.length && isBlank(match.charCodeAt(j))) j++;
    if (FUNCTION_WORD_SET.has(word)) cut = j;
    i = j;
  }
  return cut;
}

/**
 * Where an address starting at `start` begins when a building or unit number (1-6 digits and one
 * blank, not glued to a word, a number or punctuation) is written before its house number or its
 * street name ("12 4410 Harbor Street", "5720 Skoanveien 226").
 */
function leadingNumberStart(text: string, start: number): number {
  if (start < 2 || !isBlank(text.charCodeAt(start - 1))) return start;
  let i = start - 1;
  while (i > 0 && start - 1 - i < 6 && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === start - 1) return start;
  if (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (isLetterOrDigit(c) || c === 46 || c === 44 || c === 45) return start;
  }
  return i;
}
