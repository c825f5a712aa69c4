import type { DetectorMatch } from '../../types.js';
import type { Recognizer } from './recognizer.js';

// RFC 5321 limits: local part 64, domain 255. Quoted local parts are left out on purpose.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45 || c === 43 || c === 37 || c === 39;
}
function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Email addresses. Each `@` is expanded left and right by hand (no regex), so the cost is linear
 * whatever the input (`'a@'.repeat(5e5)` included).
 * @example
 * email().find('write to robin.example@example.invalid', out) // pii.email
 */
export function email(): Recognizer {
  return {
    id: 'pii.email',
    kinds: ['pii.email'],
    maxMatchLength: MAX_LOCAL + 1 + MAX_DOMAIN,
    find(text: string, out: DetectorMatch[]) {
      let at = text.indexOf('@');
      let floor = 0; // a local part never reaches back into the previous address
      while (at !== -1) {
        let s = at;
        const limit = Math.max(floor, at - MAX_LOCAL);
        while (s > limit && isLocalChar(text.charCodeAt(s - 1))) s--;
        // Local parts do not start or end with a dot.
        while (s < at && text.charCodeAt(s) === 46) s++;
        let e = at + 1;
        const dlimit = Math.min(text.length, at + 1 + MAX_DOMAIN);
        while (e < dlimit && isDomainChar(text.charCodeAt(e))) e++;
        // Trailing dots and hyphens are sentence punctuation, not the domain.
        while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
        if (s < at && text.charCodeAt(at - 1) !== 46 && validDomain(text, at + 1, e)) {
          out.push({ start: s, end: e, kind: 'pii.email', score: 0.95 });
          floor = e;
        }
        at = text.indexOf('@', at + 1);
      }
    },
  };
}

/** Labels of 1..63 letters, digits or inner hyphens; at least two labels; a TLD of 2+ letters. */
function validDomain(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false;
  let labels = 0;
  let labelStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 46) {
      const len = i - labelStart;
      if (len < 1 || len > 63) return false;
      if (text.charCodeAt(labelStart) === 45 || text.charCodeAt(i - 1) === 45) return false;
      labels++;
      labelStart = i + 1;
    }
  }
  if (labels < 2) return false;
  let tld = end;
  while (tld > start && text.charCodeAt(tld - 1) !== 46) tld--;
  if (end - tld < 2) return false;
  for (let i = tld; i < end; i++) if (!isLetter(text.charCodeAt(i))) return false;
  return true;
}
