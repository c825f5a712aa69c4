import type { DetectorMatch } from '../../types.js';
import { keccak256 } from './keccak256.js';
import { digitDense, lowerOf } from './gates.js';
import { contextTest, type Recognizer } from './recognizer.js';
import { sha256, toHex } from './sha256.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_INDEX[B58.charCodeAt(i)] = i;

/** Base58 decode (Bitcoin alphabet); undefined on a character outside the alphabet. */
export function base58Decode(value: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const digit = c < 128 ? (B58_INDEX[c] as number) : -1;
    if (digit < 0) return undefined;
    let carry = digit;
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] as number) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < value.length && value[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/** Base58Check: the last four bytes are the first four of SHA-256(SHA-256(payload)). Returns the version byte or -1. */
export function base58CheckVersion(value: string): number {
  const bytes = base58Decode(value);
  if (bytes === undefined || bytes.length !== 25) return -1;
  const payload = bytes.subarray(0, 21);
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[21 + i]) return -1;
  return bytes[0] as number;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173/BIP-350 checksum: 'bech32' (witness v0), 'bech32m' (v1+) or undefined. */
export function bech32Variant(value: string): 'bech32' | 'bech32m' | undefined {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return undefined;
  const v = value.toLowerCase();
  const sep = v.lastIndexOf('1');
  if (sep < 1 || sep + 7 > v.length || v.length > 90) return undefined;
  const hrp = v.slice(0, sep);
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  for (let i = sep + 1; i < v.length; i++) {
    const d = BECH32.indexOf(v[i] as string);
    if (d === -1) return undefined;
    values.push(d);
  }
  let chk = 1;
  for (const x of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ x;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i] as number;
  }
  chk >>>= 0;
  if (chk === 1) return 'bech32';
  if (chk === 0x2bc830a3) return 'bech32m';
  return undefined;
}

/** EIP-55: a mixed-case Ethereum address must carry the Keccak-256 case checksum. */
export function eip55Valid(address: string): boolean {
  const hex = address.slice(2);
  const lower = hex.toLowerCase();
  if (hex === lower || hex === hex.toUpperCase()) return true;
  const hash = toHex(keccak256(new TextEncoder().encode(lower)));
  for (let i = 0; i < 40; i++) {
    const ch = hex[i] as string;
    const upper = parseInt(hash[i] as string, 16) >= 8;
    if (/[a-f]/i.test(ch) && (ch === ch.toUpperCase()) !== upper) return false;
  }
  return true;
}

// Base58Check version bytes of common mainnet address types: Bitcoin P2PKH/P2SH, Litecoin, Dogecoin, Tron.
const VERSIONS = new Set([0x00, 0x05, 0x30, 0x32, 0x1e, 0x16, 0x41]);
const ALTCOIN_WORDS = /wallet|crypto|litecoin|ltc|doge|tron|trx|usdt|tether/;
// A segwit prefix in any case: on the text itself, an ASCII-only case-insensitive match finds what
// /bc1|tb1|ltc1/ finds in the lower-cased text (no other character lower-cases to these letters).
const SEGWIT_HINT = /bc1|tb1|ltc1/i;
const CONTEXT = contextTest(['wallet', 'address', 'btc', 'bitcoin', 'eth', 'ether', 'ethereum', 'crypto', 'send', 'litecoin', 'usdt']);

/**
 * Cryptocurrency addresses with their checksums: Base58Check (Bitcoin, Litecoin, Dogecoin,
 * Tron), Bech32/Bech32m segwit addresses (bc1, ltc1, tb1), and Ethereum addresses (EIP-55 when
 * mixed-case; an all-lower-case 0x address has no checksum and scores lower).
 * @example
 * cryptoWallet().find('send to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', out) // pii.crypto-wallet
 */
export function cryptoWallet(): Recognizer {
  const base58 = /(?<![A-Za-z0-9])[13LMDT9A][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])/g;
  const bitcoin58 = /(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])/g;
  const segwit = /(?<![A-Za-z0-9])(?:bc|tb|ltc|BC|TB|LTC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}(?![A-Za-z0-9])/g;
  const ethereum = /(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])/g;
  const push = (out: DetectorMatch[], text: string, start: number, end: number, score: number) =>
    out.push({ start, end, kind: 'pii.crypto-wallet', score: CONTEXT(text, start, end) ? Math.min(1, score + 0.1) : score });
  return {
    id: 'pii.crypto-wallet',
    needsDigit: true,
    kinds: ['pii.crypto-wallet'],
    maxMatchLength: 90,
    find(text, out) {
      // Each format has a cheap precondition that nearly all chat fails: Base58 addresses are runs
      // of 26+ letters and digits, segwit ones have their prefix, Ethereum ones start with 0x.
      // Bitcoin's 1/3 prefixes start at a digit (a fast scan); the other chains' letter prefixes
      // are only looked for when the text talks about coins or wallets.
      if (hasAlnumRun(text, 26)) {
        const re = ALTCOIN_WORDS.test(lowerOf(text)) ? base58 : bitcoin58;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (VERSIONS.has(base58CheckVersion(m[0]))) push(out, text, m.index, m.index + m[0].length, 0.9);
        }
      }
      if (hasSegwitPrefix(text)) {
        segwit.lastIndex = 0;
        for (let m = segwit.exec(text); m !== null; m = segwit.exec(text)) {
          if (bech32Variant(m[0]) !== undefined) push(out, text, m.index, m.index + m[0].length, 0.9);
        }
      }
      if (text.indexOf('0x') === -1) return;
      ethereum.lastIndex = 0;
      for (let m = ethereum.exec(text); m !== null; m = ethereum.exec(text)) {
        const hex = m[0].slice(2);
        const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
        if (mixed && !eip55Valid(m[0])) continue;
        push(out, text, m.index, m.index + m[0].length, mixed ? 0.9 : 0.6);
      }
    },
  };
}

/**
 * `SEGWIT_HINT.test(text)`. Text has few '1's: found by native jumps, the letters before each
 * checked by hand. A digit-dense text is scanned by the regex instead.
 */
function hasSegwitPrefix(text: string): boolean {
  if (digitDense(text)) return SEGWIT_HINT.test(text);
  for (let i = text.indexOf('1'); i !== -1; i = text.indexOf('1', i + 1)) {
    if (i < 2) continue;
    const a = text.charCodeAt(i - 2) | 32;
    const b = text.charCodeAt(i - 1) | 32;
    if ((a === 98 && b === 99) || (a === 116 && b === 98)) return true; // bc, tb
    if (a === 116 && b === 99 && i >= 3 && (text.charCodeAt(i - 3) | 32) === 108) return true; // ltc
  }
  return false;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/**
 * True when the text has a run of `min` (2 or more) ASCII letters and digits. Such a run holds
 * two sample positions `step = min / 2` apart, so only every step-th character is read, and the
 * characters between two samples only when both are letters or digits: a fraction of the text.
 */
export function hasAlnumRun(text: string, min: number): boolean {
  const step = Math.floor(min / 2);
  const n = text.length;
  for (let i = step; i < n; i += step) {
    if (!isAlnum(text.charCodeAt(i)) || !isAlnum(text.charCodeAt(i - step))) continue;
    let j = i - step + 1;
    while (j < i && isAlnum(text.charCodeAt(j))) j++;
    if (j < i) continue;
    // One run holds both samples: measure it, and sample on from its end.
    let s = i - step;
    while (s > 0 && isAlnum(text.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < n && isAlnum(text.charCodeAt(e))) e++;
    if (e - s >= min) return true;
    i = e;
  }
  return false;
}
