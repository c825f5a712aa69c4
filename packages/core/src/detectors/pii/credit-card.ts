import { luhn } from './checksums.js';
import { hasDigitRun7, longestDigitRun, longestDigitStretch } from './gates.js';
import type { DetectorMatch } from '../../types.js';
import { contextTest, type Recognizer } from './recognizer.js';

/**
 * Issuer identification ranges (ISO/IEC 7812 IINs as published by the schemes) and the card
 * lengths each issues. A Luhn-valid number outside every range is not reported as a card.
 */
const ISSUERS: readonly { lo: number; hi: number; digits: number; lengths: readonly number[] }[] = Object.freeze([
  { lo: 4, hi: 4, digits: 1, lengths: [13, 16, 19] }, // Visa
  { lo: 51, hi: 55, digits: 2, lengths: [16] }, // Mastercard
  { lo: 2221, hi: 2720, digits: 4, lengths: [16] }, // Mastercard 2-series
  { lo: 34, hi: 34, digits: 2, lengths: [15] }, // American Express
  { lo: 37, hi: 37, digits: 2, lengths: [15] },
  { lo: 300, hi: 305, digits: 3, lengths: [14, 16, 17, 18, 19] }, // Diners Club
  { lo: 3095, hi: 3095, digits: 4, lengths: [14, 16, 17, 18, 19] },
  { lo: 36, hi: 36, digits: 2, lengths: [14, 16, 17, 18, 19] },
  { lo: 38, hi: 39, digits: 2, lengths: [16, 17, 18, 19] },
  { lo: 6011, hi: 6011, digits: 4, lengths: [16, 17, 18, 19] }, // Discover
  { lo: 644, hi: 649, digits: 3, lengths: [16, 17, 18, 19] },
  { lo: 65, hi: 65, digits: 2, lengths: [16, 17, 18, 19] },
  { lo: 3528, hi: 3589, digits: 4, lengths: [16, 17, 18, 19] }, // JCB
  { lo: 62, hi: 62, digits: 2, lengths: [16, 17, 18, 19] }, // UnionPay
  { lo: 81, hi: 82, digits: 2, lengths: [16] }, // RuPay
  { lo: 60, hi: 60, digits: 2, lengths: [16] }, // RuPay
  { lo: 2200, hi: 2204, digits: 4, lengths: [16, 17, 18, 19] }, // Mir
  { lo: 50, hi: 50, digits: 2, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { lo: 56, hi: 69, digits: 2, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { lo: 9792, hi: 9792, digits: 4, lengths: [16] }, // Troy
  { lo: 1, hi: 1, digits: 1, lengths: [15] }, // UATP
  { lo: 1800, hi: 1800, digits: 4, lengths: [15] }, // JCB (legacy 15-digit)
  { lo: 2131, hi: 2131, digits: 4, lengths: [15] }, // JCB (legacy 15-digit)
]);

/** True when the number's prefix and length belong to a card scheme. */
export function knownIssuer(digits: string): boolean {
  for (const r of ISSUERS) {
    const prefix = Number(digits.slice(0, r.digits));
    if (prefix >= r.lo && prefix <= r.hi && r.lengths.includes(digits.length)) return true;
  }
  return false;
}

const CONTEXT = contextTest(['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'cc', 'cvv', 'expiry', 'payment', 'tarjeta', 'karte', 'carte']);

/**
 * Payment card numbers: 12-19 digits, optionally grouped by one kind of separator (space or
 * hyphen) in groups of 3..6, with a known issuer range and a valid Luhn check digit. Runs of
 * numbers are split into windows of groups, so a card followed by an expiry or a phone number
 * is still found.
 * @example
 * creditCard().find('card 4529 3810 6711 2233 exp 12 27', out) // pii.credit-card
 */
export function creditCard(): Recognizer {
  // One long group, or a sequence of 3-6 digit groups joined by one kind of separator. A group
  // cannot start inside a number, so the scan is linear (runs of short groups fail at once).
  const candidates = /(?<![\d.,])(?:\d{12,19}|\d{3,6}([ -])\d{3,6}(?:\1\d{3,6})*)(?!\d)/g;
  return {
    id: 'pii.credit-card',
    kinds: ['pii.credit-card'],
    maxMatchLength: 23,
    needsDigit: true,
    needsDigitRun: true,
    find(text, out) {
      // A card number has 12 digits in one printed number, in groups of at least three.
      if (!hasDigitRun7(text) || longestDigitStretch(text) < 12 || longestDigitRun(text) < 3) return;
      candidates.lastIndex = 0;
      for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
        const value = m[0];
        const sep = m[1];
        if (sep === undefined) {
          if (cardNumber(value, false)) push(out, text, m.index, m.index + value.length);
          continue;
        }
        // Windows of consecutive groups with 12-19 digits: the longest valid one from each start.
        const groups: { start: number; end: number }[] = [];
        let gs = 0;
        for (let k = 0; k <= value.length; k++) {
          if (k === value.length || value[k] === sep) {
            groups.push({ start: gs, end: k });
            gs = k + 1;
          }
        }
        for (let i = 0; i < groups.length; ) {
          let digits = 0;
          let best = -1;
          for (let j = i; j < groups.length && j - i < 6; j++) {
            const g = groups[j] as { start: number; end: number };
            digits += g.end - g.start;
            if (digits > 19) break;
            if (digits >= 12 && j > i && cardNumber(value.slice((groups[i] as { start: number }).start, g.end), true)) best = j;
          }
          if (best === -1) {
            i++;
            continue;
          }
          push(out, text, m.index + (groups[i] as { start: number }).start, m.index + (groups[best] as { end: number }).end);
          i = best + 1;
        }
      }
    },
  };
}

function push(out: DetectorMatch[], text: string, start: number, end: number): void {
  out.push({ start, end, kind: 'pii.credit-card', score: CONTEXT(text, start, end) ? 1 : 0.9 });
}

function cardNumber(candidate: string, grouped: boolean): boolean {
  let digits = '';
  const groups: number[] = [];
  let len = 0;
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += candidate[i];
      len++;
    } else {
      groups.push(len);
      len = 0;
    }
  }
  groups.push(len);
  if (digits.length < 12 || digits.length > 19) return false;
  if (grouped && !groups.every((g) => g >= 3 && g <= 6)) return false;
  return knownIssuer(digits) && luhn(digits);
}
