import { type Secret, isSecret } from '../secrets/secret.js';
import { entityOf } from './entity.js';
import { hmacSha256 } from './hmac-sha256.js';

/**
 * How a matched span is replaced: receives the finding kind and the matched text, returns the
 * replacement. Operators are pure and synchronous, so they run inside detection and in streams.
 */
export type RedactionOperator = (kind: string, value: string) => string;

/**
 * Replace a span with a label naming its entity: `[REDACTED_EMAIL]`.
 * @example
 * label()('pii.email', 'jane@example.org') // '[REDACTED_EMAIL]'
 */
export function label(options: { format?: (entity: string) => string } = {}): RedactionOperator {
  const format = options.format ?? ((entity: string) => `[REDACTED_${entity}]`);
  return function labelOperator(kind) {
    return format(entityOf(kind));
  };
}

export interface MaskOptions {
  /** Characters kept at the end (default 4; 0 masks everything). */
  keep?: number;
  /** Mask character (default `*`). */
  char?: string;
  /** Keep separators (spaces, hyphens, dots) in place, as card numbers are printed (default true). */
  keepSeparators?: boolean;
}

/**
 * Mask all but the last `keep` characters: `************1111`. Values shorter than twice `keep`
 * are masked entirely, so a mask never shows most of a short value.
 * @example
 * mask({ keep: 4 })('pii.credit-card', '4529 3810 6711 2233') // '**** **** **** 2233'
 */
export function mask(options: MaskOptions = {}): RedactionOperator {
  const keep = Math.max(0, Math.floor(options.keep ?? 4));
  const char = options.char ?? '*';
  const separators = options.keepSeparators ?? true;
  return function maskOperator(_kind, value) {
    const chars = [...value];
    const significant = chars.filter((c) => !(separators && /[\s\-.]/.test(c))).length;
    const shown = significant >= keep * 2 ? keep : 0;
    let toMask = significant - shown;
    return chars
      .map((c) => {
        if (separators && /[\s\-.]/.test(c)) return c;
        if (toMask > 0) {
          toMask--;
          return char;
        }
        return c;
      })
      .join('');
  };
}

export interface HashOptions {
  /** HMAC key: a string, bytes, or a `Secret`. Required: an unkeyed hash of a phone number is reversible by brute force. */
  key: string | Uint8Array | Secret<string>;
  /** Hex characters kept from the HMAC (default 16, at most 64). */
  length?: number;
  /** Format of the replacement (default `[EMAIL:1a2b3c...]`). */
  format?: (entity: string, digest: string) => string;
}

/**
 * Replace a span with a keyed hash (HMAC-SHA256, truncated): equal values map to equal tokens,
 * so records can still be joined, but the value cannot be recovered without the key.
 * @example
 * hash({ key: secret(process.env.REDACTION_KEY ?? '') })('pii.email', 'jane@example.org') // '[EMAIL:5d41402abc4b2a76]'
 */
export function hash(options: HashOptions): RedactionOperator {
  const raw = options?.key;
  const key = isSecret(raw) ? raw.reveal() : raw;
  if (key === undefined || key === null || (typeof key === 'string' && key.length === 0) || (key instanceof Uint8Array && key.length === 0)) {
    throw new TypeError('hash(): a non-empty "key" is required (an unkeyed hash of short personal data can be reversed by brute force)');
  }
  const length = Math.min(64, Math.max(4, Math.floor(options.length ?? 16)));
  const format = options.format ?? ((entity: string, digest: string) => `[${entity}:${digest}]`);
  return function hashOperator(kind, value) {
    const mac = hmacSha256(key as string | Uint8Array, value);
    let hex = '';
    for (const b of mac) hex += b.toString(16).padStart(2, '0');
    return format(entityOf(kind), hex.slice(0, length));
  };
}

/**
 * Remove the span entirely.
 * @example
 * remove()('secret.github-pat', 'ghp_...') // ''
 */
export function remove(): RedactionOperator {
  return function removeOperator() {
    return '';
  };
}

/**
 * Use your own function (it must not return the value itself).
 * @example
 * custom((kind) => (kind === 'pii.email' ? 'someone@example.invalid' : '[X]'))
 */
export function custom(fn: (kind: string, value: string) => string): RedactionOperator {
  if (typeof fn !== 'function') throw new TypeError('custom(): expected a function (kind, value) => string');
  return function customOperator(kind, value) {
    return String(fn(kind, value));
  };
}
