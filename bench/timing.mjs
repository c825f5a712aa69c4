// Per-text timing shared by the speed benches, measured as `llmguard eval` measures `usPerKb`:
// every text is timed in PASSES passes over all the texts (so no text is timed with its own work
// still in the caches), its cost is the median of its timings, and the percentiles are over texts.
// A burst of interference from other work on the machine then moves one timing of a text, not the
// result.
const encoder = new TextEncoder();
export const PASSES = 3;

/** µs per KiB of UTF-8 for `fn` over `texts`: { p50, p99, n } (strings with one decimal). */
export function perKiB(texts, fn) {
  const sized = texts.map((t) => ({ t, kib: encoder.encode(t).length / 1024 })).filter((x) => x.kib > 0);
  const timings = sized.map(() => new Float64Array(PASSES));
  for (let pass = 0; pass < PASSES; pass++) {
    for (let i = 0; i < sized.length; i++) {
      const { t, kib } = sized[i];
      const start = process.hrtime.bigint();
      fn(t);
      timings[i][pass] = Number(process.hrtime.bigint() - start) / 1000 / kib;
    }
  }
  const samples = timings.map((a) => a.sort()[(PASSES - 1) >> 1]).sort((a, b) => a - b);
  const at = (p) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)].toFixed(1);
  return { p50: at(0.5), p99: at(0.99), n: samples.length };
}
