/**
 * Test-only builders of *valid* fake identifiers: random digits with the check digits computed,
 * so tests exercise the validators without storing anyone's number (or a dataset row).
 */
import { iso7064Mod11_10, luhn, mod97, weightedSum } from './checksums.js';
import { esControlLetter } from './es-nif.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function digits(random: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(random() * 10));
  return s;
}

/** Append the Luhn check digit. */
export function withLuhn(body: string): string {
  for (let d = 0; d < 10; d++) if (luhn(body + d)) return body + d;
  throw new Error('unreachable');
}

export function card(random: () => number, prefix = '4', length = 16): string {
  return withLuhn(prefix + digits(random, length - prefix.length - 1));
}

export function iban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

export function nhs(random: () => number): string {
  for (;;) {
    const body = digits(random, 9);
    const check = 11 - (weightedSum(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
    const c = check === 11 ? 0 : check;
    if (c !== 10) return body + c;
  }
}

export function deTaxId(random: () => number): string {
  for (;;) {
    // Nine distinct digits with one of them repeated: the structure the BZSt issues.
    const pool = '0123456789'.split('').sort(() => random() - 0.5);
    const ten = [...pool.slice(0, 9), pool[1] as string].sort(() => random() - 0.5).join('');
    if (ten[0] === '0' || /(\d)\1\1/.test(ten)) continue;
    return ten + iso7064Mod11_10(ten);
  }
}

export function esNif(random: () => number): string {
  const n = digits(random, 8);
  return n + esControlLetter(Number(n));
}

export function esNie(random: () => number): string {
  const prefix = 'XYZ'[Math.floor(random() * 3)] as string;
  const n = digits(random, 7);
  return prefix + n + esControlLetter(Number('XYZ'.indexOf(prefix) + n));
}

export function pesel(random: () => number): string {
  const yy = String(50 + Math.floor(random() * 49));
  const mm = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const dd = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const body = yy + mm + dd + digits(random, 4);
  const check = (10 - (weightedSum(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  return body + check;
}

export function bsn(random: () => number): string {
  for (;;) {
    const body = digits(random, 8);
    const sum = weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]);
    const check = sum % 11;
    if (check < 10 && body[0] !== '0') return body + check;
  }
}
