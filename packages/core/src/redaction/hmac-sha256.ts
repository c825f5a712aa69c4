import { sha256 } from '../detectors/pii/sha256.js';

const encoder = new TextEncoder();

/**
 * HMAC-SHA256 (RFC 2104) in plain JavaScript, synchronous, so redaction can run inside the
 * guard's synchronous detection pass and in output transforms.
 * @example
 * toHex(hmacSha256('key', 'The quick brown fox jumps over the lazy dog')) // 'f7bc83f4...'
 */
export function hmacSha256(key: string | Uint8Array, message: string | Uint8Array): Uint8Array {
  let k = typeof key === 'string' ? encoder.encode(key) : key;
  if (k.length > 64) k = sha256(k);
  const block = new Uint8Array(64);
  block.set(k);
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = (block[i] as number) ^ 0x36;
    outer[i] = (block[i] as number) ^ 0x5c;
  }
  const msg = typeof message === 'string' ? encoder.encode(message) : message;
  const innerInput = new Uint8Array(64 + msg.length);
  innerInput.set(inner);
  innerInput.set(msg, 64);
  const innerHash = sha256(innerInput);
  const outerInput = new Uint8Array(64 + 32);
  outerInput.set(outer);
  outerInput.set(innerHash, 64);
  return sha256(outerInput);
}
