import { describe, expect, it } from 'vitest';
import { Timer } from './eval-support.js';

/** A clock that advances by the given steps, one per performance.now() call pair. */
function withClock(stepsMs: number[], body: () => void): void {
  const real = performance.now.bind(performance);
  let t = 0;
  let calls = 0;
  performance.now = () => {
    // Start and end of each timed call: the end is one step after the start.
    if (calls++ % 2 === 1) t += stepsMs.shift() ?? 0;
    return t;
  };
  try {
    body();
  } finally {
    performance.now = real;
  }
}

describe('Timer', () => {
  it('reports, per row, the median of its passes, so one slow pass does not move the percentiles', () => {
    const timer = new Timer();
    const kib = 'x'.repeat(1024);
    // Three rows of 1 KiB; pass 2 is slow for every row, pass 3 for row 0 only.
    withClock([0.01, 0.02, 0.03, 0.5, 0.5, 0.5, 0.4, 0.02, 0.03], () => {
      for (let pass = 0; pass < 3; pass++) {
        if (pass > 0) timer.nextPass();
        for (let row = 0; row < 3; row++) timer.time(kib, () => row);
      }
    });
    // Row medians: 0.4 ms, 0.02 ms, 0.03 ms -> 400, 20, 30 µs/KiB.
    const { p50, p99 } = timer.summary();
    expect(p50).toBeCloseTo(30, 6);
    expect(p99).toBeCloseTo(400, 6);
  });

  it('returns the run result and skips empty texts', () => {
    const timer = new Timer();
    expect(timer.time('', () => 42)).toBe(42);
    expect(timer.summary()).toEqual({ p50: null, p99: null });
  });
});
