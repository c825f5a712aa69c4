/**
 * Keccak-256 (the pre-standard padding Ethereum uses, not SHA3-256), in plain JavaScript with
 * 32-bit halves, for the EIP-55 mixed-case checksum of Ethereum addresses.
 */

const RC_HI = new Uint32Array([
  0x00000000, 0x00000000, 0x80000000, 0x80000000, 0x00000000, 0x00000000, 0x80000000, 0x80000000, 0x00000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x00000000, 0x80000000,
  0x80000000, 0x80000000, 0x00000000, 0x80000000,
]);
const RC_LO = new Uint32Array([
  0x00000001, 0x00008082, 0x0000808a, 0x80008000, 0x0000808b, 0x80000001, 0x80008081, 0x00008009, 0x0000008a, 0x00000088,
  0x80008009, 0x8000000a, 0x8000808b, 0x0000008b, 0x00008089, 0x00008003, 0x00008002, 0x00000080, 0x0000800a, 0x8000000a,
  0x80008081, 0x00008080, 0x80000001, 0x80008008,
]);
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
const PI = [0, 10, 20, 5, 15, 16, 1, 11, 21, 6, 7, 17, 2, 12, 22, 23, 8, 18, 3, 13, 14, 24, 9, 19, 4];

function keccakF(hi: Uint32Array, lo: Uint32Array): void {
  const bh = new Uint32Array(25);
  const bl = new Uint32Array(25);
  const ch = new Uint32Array(5);
  const cl = new Uint32Array(5);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) {
      ch[x] = (hi[x] as number) ^ (hi[x + 5] as number) ^ (hi[x + 10] as number) ^ (hi[x + 15] as number) ^ (hi[x + 20] as number);
      cl[x] = (lo[x] as number) ^ (lo[x + 5] as number) ^ (lo[x + 10] as number) ^ (lo[x + 15] as number) ^ (lo[x + 20] as number);
    }
    for (let x = 0; x < 5; x++) {
      const h1 = ch[(x + 1) % 5] as number;
      const l1 = cl[(x + 1) % 5] as number;
      const dh = (ch[(x + 4) % 5] as number) ^ ((h1 << 1) | (l1 >>> 31));
      const dl = (cl[(x + 4) % 5] as number) ^ ((l1 << 1) | (h1 >>> 31));
      for (let y = 0; y < 25; y += 5) {
        hi[x + y] = (hi[x + y] as number) ^ dh;
        lo[x + y] = (lo[x + y] as number) ^ dl;
      }
    }
    // rho and pi
    for (let i = 0; i < 25; i++) {
      const r = ROT[i] as number;
      const h = hi[i] as number;
      const l = lo[i] as number;
      let nh: number;
      let nl: number;
      if (r === 0) {
        nh = h;
        nl = l;
      } else if (r < 32) {
        nh = (h << r) | (l >>> (32 - r));
        nl = (l << r) | (h >>> (32 - r));
      } else if (r === 32) {
        nh = l;
        nl = h;
      } else {
        const s = r - 32;
        nh = (l << s) | (h >>> (32 - s));
        nl = (h << s) | (l >>> (32 - s));
      }
      const j = PI[i] as number;
      bh[j] = nh;
      bl[j] = nl;
    }
    // chi
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        hi[y + x] = (bh[y + x] as number) ^ (~(bh[y + ((x + 1) % 5)] as number) & (bh[y + ((x + 2) % 5)] as number));
        lo[y + x] = (bl[y + x] as number) ^ (~(bl[y + ((x + 1) % 5)] as number) & (bl[y + ((x + 2) % 5)] as number));
      }
    }
    hi[0] = (hi[0] as number) ^ (RC_HI[round] as number);
    lo[0] = (lo[0] as number) ^ (RC_LO[round] as number);
  }
}

/**
 * Keccak-256 digest of bytes.
 * @example
 * toHex(keccak256(new Uint8Array())) // 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'
 */
export function keccak256(data: Uint8Array): Uint8Array {
  const rate = 136;
  const hi = new Uint32Array(25);
  const lo = new Uint32Array(25);
  const blocks = Math.floor(data.length / rate) + 1;
  const padded = new Uint8Array(blocks * rate);
  padded.set(data);
  padded[data.length] = (padded[data.length] as number) ^ 0x01;
  padded[padded.length - 1] = (padded[padded.length - 1] as number) ^ 0x80;
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      const p = off + i * 8;
      const l = (padded[p] as number) | ((padded[p + 1] as number) << 8) | ((padded[p + 2] as number) << 16) | ((padded[p + 3] as number) << 24);
      const h = (padded[p + 4] as number) | ((padded[p + 5] as number) << 8) | ((padded[p + 6] as number) << 16) | ((padded[p + 7] as number) << 24);
      lo[i] = (lo[i] as number) ^ l;
      hi[i] = (hi[i] as number) ^ h;
    }
    keccakF(hi, lo);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 4; i++) {
    const l = lo[i] as number;
    const h = hi[i] as number;
    for (let b = 0; b < 4; b++) {
      out[i * 8 + b] = (l >>> (8 * b)) & 0xff;
      out[i * 8 + 4 + b] = (h >>> (8 * b)) & 0xff;
    }
  }
  return out;
}
