import { Metadata } from 'libphonenumber-js/core';
import { type CountryCode, parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
// The full metadata behind 'libphonenumber-js/max', for the per-format flags (the `Metadata` class
// is exported by the ES build of '/max' only; '/core' has it in both builds).
import maxMetadata from 'libphonenumber-js/max/metadata';
import type { DetectorMatch } from '../../types.js';
import { hasDigitRun7 } from './gates.js';
import { regionCue } from './phone-regions.js';
import { contextTest, type Recognizer } from './recognizer.js';

/** Region hints tried, in order, for numbers written without a country code. */
export const DEFAULT_PHONE_REGIONS: readonly string[] = Object.freeze([
  'US', 'GB', 'CA', 'AU', 'IN', 'DE', 'FR', 'ES', 'IT', 'NL', 'BR', 'MX', 'JP', 'CN', 'IL', 'TR', 'PH', 'PL', 'SE', 'CH', 'ZA', 'IE', 'SG', 'NZ',
]);

export interface PhoneOptions {
  /** ISO 3166 regions for national-format numbers, most likely first (default `DEFAULT_PHONE_REGIONS`). */
  regions?: readonly string[];
}

// A phone-shaped run: optional + or 00, digits with spaces, hyphens, dots, slashes and
// parentheses, optional extension. Bounded, and a run cannot start inside a word or number.
const CANDIDATE = /(?<![\w+\-./])(?:\+ ?|00)?(?:\(\d{1,5}\)[ \-.]?|\d)[\d \-.()/\u00a0]{4,24}\d(?: ?(?:x|ext\.?|#) ?\d{1,6})?(?![\w]|[-./]\d)/g;
const EXTENSION = / ?(?:x|ext\.?|#) ?\d{1,6}$/;
const DATE_LIKE = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|\d{4}-\d{1,2}-\d{1,2}(?!\d))/;
const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const THOUSANDS = /^\d{1,3}(?:[.,]\d{3})+$/;
const STRONG_CONTEXT = contextTest(
  ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'call', 'text me', 'sms', 'whatsapp', 'desk', 'office', 'contact', 'reach me', 'dial', 'telefon', 'téléphone', 'teléfono', 'telefono', 'handy', 'portable', 'móvil', 'cellulare'],
  40,
  12,
);
// Candidates checked with libphonenumber per call: beyond this (huge, number-dense inputs) only
// internationally prefixed numbers are validated, so a detect() stays bounded.
const PARSE_BUDGET = 512;
// Chat clients resend the whole history with every turn, so the same numbers are checked again
// and again: remember the last verdicts (per recognizer, bounded).
const CACHE_SIZE = 512;

/**
 * Phone numbers, international (`+44 20 7946 0958`) and national (`(212) 555-0148`), found by a
 * linear candidate scan and validated with libphonenumber-js (full metadata) against region hints.
 * Formatted numbers valid in a hinted region score 0.7, unformatted digit runs 0.5, numbers with
 * a country code 0.85; a phone word nearby adds 0.2 and lets a merely possible number count.
 * @example
 * phone({ regions: ['US'] }).find('call (212) 555-0148', out) // pii.phone
 */
export function phone(options: PhoneOptions = {}): Recognizer {
  const regions = (options.regions ?? DEFAULT_PHONE_REGIONS) as readonly CountryCode[];
  const cache = new Map<string, number>();
  const verdict = (core: string, international: boolean, formatted: boolean, cue: CountryCode | undefined): number => {
    const key = `${formatted ? 'f' : 'u'}${international ? '' : (cue ?? '')}:${core}`;
    let score = cache.get(key);
    if (score === undefined) {
      // A region named next to the number ("my CN number", "Turkish mobile") is the first hint.
      const hints = cue === undefined || international ? regions : [cue, ...regions.filter((r) => r !== cue)];
      score = scoreNumber(core, international, formatted, hints, cue !== undefined && !international);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, score);
    }
    return score;
  };
  return {
    id: 'pii.phone',
    needsDigit: true,
    needsDigitRun: true,
    kinds: ['pii.phone'],
    maxMatchLength: 40,
    find(text: string, out: DetectorMatch[]) {
      if (!hasDigitRun7(text)) return;
      let budget = PARSE_BUDGET;
      CANDIDATE.lastIndex = 0;
      for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
        let value = m[0];
        const international = value.charCodeAt(0) === 43 || value.startsWith('00');
        // Beyond the budget (a huge, number-dense input) only internationally prefixed numbers are checked.
        if (budget <= 0 && !international) continue;
        // Unbalanced trailing parentheses and separators are not part of the number.
        while (/[ \-.(/\u00a0]$/.test(value)) value = value.slice(0, -1);
        const start = m.index;
        const end = start + value.length;
        const core = value.replace(EXTENSION, '');
        const digits = core.replace(/\D/g, '');
        if (digits.length < 7 || digits.length > 15) continue;
        if (DATE_LIKE.test(core) || DOTTED_QUAD.test(core) || THOUSANDS.test(core)) continue;
        // Parentheses or three or more groups read as a phone layout; one separator (two groups)
        // is as common in house numbers, postcodes and ids, and counts as unformatted.
        const body = core.replace(/^\+ ?/, '');
        const formatted = /[()]/.test(body) || (body.match(/[ \-./\u00a0]+/g) ?? []).length >= 2;
        budget--;
        let score = verdict(core, international, formatted, undefined);
        // A region named next to the number matters only for one the default hints do not accept.
        if (score < 0.5 && !international) {
          const cue = regionCue(text, start, end);
          if (cue !== undefined) score = Math.max(score, verdict(core, false, formatted, cue));
        }
        const context = STRONG_CONTEXT(text, start, end);
        if (score > 0 && (score >= 0.5 || context)) out.push({ start, end, kind: 'pii.phone', score: context ? Math.min(1, score + 0.2) : score });
        else if (context && (formatted || /[ \-.]/.test(body)) && possibleSomewhere(core, international, regions)) out.push({ start, end, kind: 'pii.phone', score: 0.55 });
      }
    },
  };
}

function scoreNumber(core: string, international: boolean, formatted: boolean, regions: readonly CountryCode[], named: boolean): number {
  if (international) {
    const n = parsePhoneNumberFromString(core.startsWith('00') ? `+${core.slice(2)}` : core);
    return n !== undefined && n.isValid() ? 0.85 : 0;
  }
  // An unformatted digit run is a phone number when it is valid in the main region, or written
  // with a national trunk prefix and valid in another hinted region.
  const trunk = core.startsWith('0');
  const bare = /^\d+$/.test(core);
  let best = 0;
  let mobileRegions = 0;
  for (let i = 0; i < regions.length; i++) {
    const n = parsePhoneNumberFromString(core, regions[i] as CountryCode);
    if (n === undefined || !n.isValid()) continue;
    if (formatted) return i === 0 ? 0.7 : 0.6;
    // The main region's number counts as written, unless it lacks the trunk prefix that region
    // always writes (PH `9171234567` or `917-1234567` is written `0917...`, GB `7911...` as
    // `07911...`): such a run is judged like another region's, except when the text names the
    // region next to it ("my PH number is 9171234567").
    if (i === 0 && (named || trunk || writtenWithoutTrunk(n, regions[0] as CountryCode))) return 0.5;
    // Another hinted region: a trunk-prefixed number counts; written as bare digits (no separator
    // at all) only when it is a mobile number there (given out as one run): a fixed line in an
    // open numbering plan (DE, IT, AT accept almost any length after the 0) is no evidence on its own.
    best = Math.max(best, 0.4);
    if (bare && isMobile(n.getType())) {
      if (trunk) best = 0.5;
      // Without the trunk prefix, only the way that country writes its mobiles (CN `138...`,
      // TR `532...`; not PH `917...`) and only when no other hinted region reads it as a mobile.
      else if (writtenWithoutTrunk(n, regions[i] as CountryCode)) mobileRegions++;
      else mobileRegions += 2;
    } else if (trunk && !bare) best = 0.5;
  }
  if (best < 0.5 && mobileRegions === 1) return 0.5;
  return best;
}

interface NumberFormatMetadata {
  pattern(): string;
  nationalPrefixIsOptionalWhenFormattingInNationalFormat(): boolean;
}
let metadata: Metadata | undefined;
// Format patterns compiled once each (a few hundred across all regions).
const formatRegexes = new Map<string, RegExp>();

function formatRegex(pattern: string): RegExp {
  let re = formatRegexes.get(pattern);
  if (re === undefined) formatRegexes.set(pattern, (re = new RegExp(`^(?:${pattern})$`)));
  return re;
}

/** True when the region's national format of the number has no trunk prefix, or may omit it (libphonenumber metadata). */
function writtenWithoutTrunk(n: PhoneNumber, region: CountryCode): boolean {
  const national = n.formatNational();
  if (!national.startsWith('0') && !national.startsWith('(0')) return true;
  metadata ??= new Metadata(maxMetadata);
  metadata.selectNumberingPlan(region);
  // The per-format flags are public methods of the metadata classes but missing from the typings.
  const plan = metadata.numberingPlan as unknown as { formats(): NumberFormatMetadata[] } | undefined;
  const format = plan?.formats().find((f) => formatRegex(f.pattern()).test(n.nationalNumber));
  return format?.nationalPrefixIsOptionalWhenFormattingInNationalFormat() === true;
}

function isMobile(type: string | undefined): boolean {
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

function possibleSomewhere(core: string, international: boolean, regions: readonly CountryCode[]): boolean {
  if (international) return parsePhoneNumberFromString(core.startsWith('00') ? `+${core.slice(2)}` : core)?.isPossible() ?? false;
  const digits = core.replace(/\D/g, '');
  // Local numbers without an area code (7-8 digits) are possible in most plans.
  if (digits.length >= 7 && digits.length <= 12) return true;
  return regions.some((r) => parsePhoneNumberFromString(core, r)?.isPossible() ?? false);
}
