import type { CountryCode } from 'libphonenumber-js/max';

/**
 * Region cues next to a national-format phone number. A number written without a country code
 * is read against region hints (US first by default); when the text names a country next to the
 * number ("my CN number", "numéro français", "Türk telefonu") or is written in a script or with
 * letters only one hinted country uses, that region is tried first for this number. Cues are
 * country names, endonyms and demonyms (whole words, any case) and, in capitals, ISO codes
 * followed by a phone word ("UK mobile"); ISO codes that are also words (IN, IT, US, CA) need
 * the phone word too and stay capitals only.
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  GB: ['uk', 'britain', 'british', 'england', 'scotland', 'scottish', 'wales', 'welsh'],
  CA: ['canada', 'canadian'],
  AU: ['australia', 'australian', 'aussie'],
  IN: ['india', 'indian'],
  DE: ['germany', 'german', 'deutschland', 'deutsch', 'deutsche', 'deutschen', 'deutsches'],
  FR: ['france', 'french', 'français', 'française', 'francais', 'francaise'],
  ES: ['spain', 'spanish', 'españa', 'espana', 'español', 'española', 'espanol', 'espanola'],
  IT: ['italy', 'italian', 'italia', 'italiano', 'italiana'],
  NL: ['netherlands', 'dutch', 'holland', 'nederland', 'nederlands', 'nederlandse'],
  BR: ['brazil', 'brazilian', 'brasil', 'brasileiro', 'brasileira'],
  MX: ['mexico', 'mexican', 'méxico', 'mexicano', 'mexicana'],
  JP: ['japan', 'japanese', 'nihon', 'nippon'],
  CN: ['china', 'chinese', 'prc', 'mainland'],
  IL: ['israel', 'israeli'],
  TR: ['turkey', 'turkish', 'türkiye', 'turkiye', 'türk', 'turk', 'türkçe'],
  PH: ['philippines', 'philippine', 'filipino', 'filipina', 'pinoy'],
  PL: ['poland', 'polish', 'polska', 'polski', 'polskie'],
  SE: ['sweden', 'swedish', 'sverige', 'svensk', 'svenska', 'svenskt'],
  CH: ['switzerland', 'swiss', 'schweiz', 'suisse', 'svizzera'],
  ZA: ['south africa', 'south african'],
  IE: ['ireland', 'irish', 'éire'],
  SG: ['singapore', 'singaporean'],
  NZ: ['new zealand', 'kiwi', 'aotearoa'],
};
const CODE_ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };
const PHONE_NOUN = '(?:phone|number|no\\.?|mobile|cell|tel|telephone|line|landline|fax|sim)';

// Words, longest first so "south african" wins over a shorter alternative at the same place.
const WORD_TO_REGION = new Map<string, string>();
for (const [region, words] of Object.entries(NAMES)) for (const w of words) WORD_TO_REGION.set(w, region);
const WORDS = [...WORD_TO_REGION.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const NAME_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const CODE_RE = new RegExp(`(?<![\\p{L}\\p{N}])([A-Z]{2})[ \\t]+${PHONE_NOUN}(?![\\p{L}])`, 'gu');
// Letters that only Turkish writes among the hinted regions' languages; kana; Hangul is no hint
// (KR is not a default region); Han without kana reads as Chinese.
const TURKISH_LETTERS = /[ğĞışŞİ]/;
const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u4e00-\u9fff]/;

/** How far around the number a country name is looked for, in characters. */
const BEFORE = 48;
const AFTER = 24;

/**
 * The region a cue next to `text[start, end)` names, if any.
 * @example
 * regionCue('My CN number is 13812345678', 16, 27) // 'CN'
 */
export function regionCue(text: string, start: number, end: number): CountryCode | undefined {
  const from = Math.max(0, start - BEFORE);
  const to = Math.min(text.length, end + AFTER);
  const near = text.slice(from, start) + ' ' + text.slice(end, to);
  let region: string | undefined;
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(near); m !== null && region === undefined; m = CODE_RE.exec(near)) {
    const code = CODE_ALIASES[m[1] as string] ?? (m[1] as string);
    if (code in NAMES) region = code;
  }
  if (region === undefined) {
    NAME_RE.lastIndex = 0;
    const m = NAME_RE.exec(near);
    if (m !== null) region = WORD_TO_REGION.get((m[1] as string).toLowerCase());
  }
  if (region === undefined) {
    const window = text.slice(Math.max(0, start - 4 * BEFORE), Math.min(text.length, end + 4 * AFTER));
    if (TURKISH_LETTERS.test(window)) region = 'TR';
    else if (KANA.test(window)) region = 'JP';
    else if (HAN.test(window)) region = 'CN';
  }
  return region as CountryCode | undefined;
}
