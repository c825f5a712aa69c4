/**
 * Character tables for the canonical text pass (`canonical-text.ts`). Data only.
 *
 * Confusables: letters of other scripts that render like a Latin letter, after lower-casing
 * (Unicode TR39 confusables, restricted to the Cyrillic and Greek look-alikes that homoglyph
 * attacks use; fullwidth forms and mathematical alphanumerics are already folded by NFKC).
 * "Strong" look-alikes look like the Latin lower-case letter itself (Cyrillic а, е, о, р, с);
 * "weak" ones only look alike in upper case (Cyrillic В, Н, К, М, Т lower-case to в, н, к, м, т),
 * so they are folded only inside words that also hold Latin letters.
 */
export const STRONG_CONFUSABLES: Readonly<Record<string, string>> = Object.freeze({
  // Cyrillic
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ӏ: 'l', һ: 'h',
  ԛ: 'q', ԝ: 'w', ё: 'e', ї: 'i', ғ: 'f', ү: 'y', ѵ: 'v', ɡ: 'g',
  // Greek
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  // Latin-script look-alikes outside ASCII that NFKC leaves alone
  ȷ: 'j', ɑ: 'a', ɩ: 'i', ʏ: 'y', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ᴋ: 'k', ᴍ: 'm', ᴏ: 'o',
  ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ʀ: 'r', ɴ: 'n', ʜ: 'h', ʟ: 'l', ɢ: 'g', ꜱ: 's',
});

export const WEAK_CONFUSABLES: Readonly<Record<string, string>> = Object.freeze({
  в: 'b', н: 'h', к: 'k', м: 'm', т: 't',
  β: 'b', η: 'h', τ: 't', μ: 'm', ζ: 'z',
});

/**
 * Typographic punctuation folded to its ASCII form: curly single quotes and primes to `'`, curly
 * double quotes to `"`, hyphens and dashes (and the minus sign) to `-`. NFKC leaves them alone, but
 * phones and word processors write "don’t" and “quoted” text, and a pattern written for `don'?t`
 * must read both. One code unit each way, so offsets do not move.
 */
export const TYPOGRAPHIC: Readonly<Record<string, string>> = Object.freeze({
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
});

/**
 * Leetspeak substitutions (digits and symbols standing for letters), folded only inside words
 * that also hold at least two letters, so plain numbers, prices and versions stay as they are.
 */
export const LEET: Readonly<Record<string, string>> = Object.freeze({
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's',
});

/** Named HTML entities decoded inline (the ones used to hide markup and chat-template tokens). */
export const HTML_ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', sol: '/', bsol: '\\', lsqb: '[', rsqb: ']',
  lbrack: '[', rbrack: ']', lpar: '(', rpar: ')', colon: ':', vert: '|', verbar: '|', num: '#', excl: '!',
  equals: '=', lowbar: '_', grave: '`', tab: '\t', newline: '\n', hyphen: '-', dash: '-', period: '.',
});

/**
 * Frequent English words, to recognise ROT13 text: a line whose words are common English after
 * ROT13 but not before is decoded and scanned as well.
 */
export const COMMON_WORDS: readonly string[] = Object.freeze([
  'the', 'and', 'you', 'that', 'for', 'are', 'with', 'this', 'your', 'all', 'what', 'not', 'have',
  'from', 'they', 'will', 'would', 'there', 'their', 'about', 'which', 'when', 'make', 'can', 'like',
  'just', 'know', 'take', 'into', 'some', 'could', 'them', 'than', 'then', 'now', 'only', 'its', 'over',
  'also', 'after', 'how', 'our', 'even', 'want', 'because', 'any', 'these', 'give', 'most', 'tell',
  'ignore', 'previous', 'instructions', 'prompt', 'system', 'say', 'print', 'reveal', 'secret',
  'password', 'rules', 'forget', 'above', 'must', 'should', 'answer', 'write', 'every', 'never',
]);
