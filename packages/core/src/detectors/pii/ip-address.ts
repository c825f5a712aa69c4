import type { DetectorMatch } from '../../types.js';
import { digitDense, digitRuns, hasDigit } from './gates.js';
import type { Recognizer } from './recognizer.js';

/** Address ranges an IP is classified into; internal ranges can be treated differently by rules. */
export type IpRange = 'public' | 'private' | 'loopback' | 'link-local' | 'reserved';

/** The kind reported for an address in a range: `pii.ip-address` for public ones, `pii.ip-address.<range>` otherwise. */
export function ipKind(range: IpRange): string {
  return range === 'public' ? 'pii.ip-address' : `pii.ip-address.${range}`;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
// A run of hex digits, colons and dots that contains "::" or at least two colons; parsed below.
const IPV6 = /(?<![\w:.%])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?:%[A-Za-z0-9_.-]{1,16})?/g;

// Fast preconditions that start at a digit or a colon (each tried only when the text has one).
const IPV4_GATE = /\d\.\d{1,3}\.\d/;

/** `IPV4_GATE.test(text)`, unless the text is dense read from the digit runs: a run of 1-3 digits between dots, each next to a digit. */
function hasDottedDigits(text: string): boolean {
  if (digitDense(text)) return IPV4_GATE.test(text);
  if (!hasDigit(text)) return false;
  const runs = digitRuns(text);
  for (let k = 2; k + 2 < runs.length; k += 2) {
    const start = runs[k] as number;
    const end = runs[k + 1] as number;
    if (end - start <= 3 && runs[k - 1] === start - 1 && text.charCodeAt(start - 1) === 46 && runs[k + 2] === end + 1 && text.charCodeAt(end) === 46) return true;
  }
  return false;
}
const IPV6_GATE = /:[0-9A-Fa-f]{0,4}:/;

/** Parse dotted IPv4 into four octets, or undefined. */
export function parseIpv4(value: string): number[] | undefined {
  const parts = value.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** Classify an IPv4 address (RFC 1918, 6598, 1122, 3927, 5737, 919, 3171). */
export function classifyIpv4(o: readonly number[]): IpRange {
  const [a = 0, b = 0, c = 0] = o;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224) return 'reserved';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'reserved';
  return 'public';
}

/** Parse an IPv6 address (RFC 4291 text forms, optional embedded IPv4 and zone) into 8 groups. */
export function parseIpv6(value: string): number[] | undefined {
  const zone = value.indexOf('%');
  const addr = zone === -1 ? value : value.slice(0, zone);
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const parseSide = (side: string, allowV4: boolean): number[] | undefined => {
    if (side === '') return [];
    const parts = side.split(':');
    const groups: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (allowV4 && i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (v4 === undefined) return undefined;
        groups.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(p)) return undefined;
        groups.push(parseInt(p, 16));
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const g = parseSide(addr, true);
    return g !== undefined && g.length === 8 ? g : undefined;
  }
  const left = parseSide(halves[0] as string, false);
  const right = parseSide(halves[1] as string, true);
  if (left === undefined || right === undefined || left.length + right.length > 7) return undefined;
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** Classify an IPv6 address (RFC 4291, 4193, 3849, 6052); IPv4-mapped addresses take the IPv4 class. */
export function classifyIpv6(g: readonly number[]): IpRange {
  const first = g[0] as number;
  const zeroPrefix = g.slice(0, 5).every((x) => x === 0);
  if (zeroPrefix && g[5] === 0xffff) return classifyIpv4([(g[6] as number) >> 8, (g[6] as number) & 255, (g[7] as number) >> 8, (g[7] as number) & 255]);
  if (g.every((x) => x === 0)) return 'reserved';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xff00) === 0xff00) return 'reserved';
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved';
  return 'public';
}

export interface IpAddressOptions {
  /** Report private, loopback, link-local and reserved addresses too (default true). */
  internal?: boolean;
}

/**
 * IPv4 and IPv6 addresses, classified by range into the kind (`pii.ip-address` for public
 * addresses, `pii.ip-address.private|loopback|link-local|reserved` for the others).
 * @example
 * ipAddress().find('from 10.0.0.7 and 93.184.216.34', out) // pii.ip-address.private, pii.ip-address
 */
export function ipAddress(options: IpAddressOptions = {}): Recognizer {
  const internal = options.internal ?? true;
  const push = (out: DetectorMatch[], start: number, end: number, range: IpRange, score: number) => {
    if (!internal && range !== 'public') return;
    out.push({ start, end, kind: ipKind(range), score });
  };
  return {
    id: 'pii.ip-address',
    kinds: ['pii.ip-address', 'pii.ip-address.private', 'pii.ip-address.loopback', 'pii.ip-address.link-local', 'pii.ip-address.reserved'],
    maxMatchLength: 64,
    find(text, out) {
      if (hasDottedDigits(text)) {
        IPV4.lastIndex = 0;
        for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
          const o = parseIpv4(m[0]);
          if (o === undefined) continue;
          push(out, m.index, m.index + m[0].length, classifyIpv4(o), 0.85);
        }
      }
      if (text.indexOf(':') === -1 || !IPV6_GATE.test(text)) return;
      IPV6.lastIndex = 0;
      for (let m = IPV6.exec(text); m !== null; m = IPV6.exec(text)) {
        let value = m[0];
        // Sentence punctuation and a port separator are not part of the address.
        while (value.endsWith('.') || (value.endsWith(':') && !value.endsWith('::'))) value = value.slice(0, -1);
        const end = m.index + value.length;
        const next = text.charCodeAt(end);
        // An address glued to letters or more colons (C++ "a::b", times, ratios) is not one.
        if (end < text.length && (isWord(next) || next === 58)) continue;
        const groups = parseIpv6(value);
        if (groups === undefined) continue;
        const compressedOnly = value === '::' || value === '::1';
        push(out, m.index, end, classifyIpv6(groups), compressedOnly ? 0.6 : 0.85);
      }
    },
  };
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
