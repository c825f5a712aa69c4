import { readFileSync } from 'node:fs';

/** Makes the error that the CLI reports as bad input (exit code 2). */
export type InputError = (message: string) => Error;

/** Read a JSONL file and hand every parsed row to `check`, which returns the row or a reason. */
export function readJsonl<T>(file: string, check: (row: unknown) => T | string, fail: InputError): T[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const rows: T[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw fail(`${file}:${i + 1}: not valid JSON`);
    }
    const checked = check(row);
    if (typeof checked === 'string') throw fail(`${file}:${i + 1}: ${checked}`);
    rows.push(checked);
  }
  return rows;
}

/**
 * Timed passes over all rows. A shared machine has bursts of interference far longer than one
 * call, so a single pass reads each row once, in whatever phase the machine was in: every row is
 * timed in this many passes over all the rows (so no text is timed with its own work still in the
 * caches) and its cost is the median of its timings. The reported percentiles are over rows.
 */
export const TIMING_PASSES = 3;

/** Microsecond timing of calls, and their cost per KiB of UTF-8 text (the injection task's convention). */
export class Timer {
  /** Per pass, per row: microseconds per KiB (rows of empty text are not timed). */
  private readonly passes: number[][] = [[]];

  time<T>(text: string, run: () => T): T {
    // The harness allocates nothing per row (no BigInt, no encoded copy of the text), so the
    // collector's pauses inside a timed call are the detector's own.
    const start = performance.now();
    const result = run();
    const elapsedUs = (performance.now() - start) * 1000;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > 0) (this.passes[this.passes.length - 1] as number[]).push(elapsedUs / (bytes / 1024));
    return result;
  }

  /** Start another pass over the same rows, in the same order. */
  nextPass(): void {
    this.passes.push([]);
  }

  /** Percentiles over rows of each row's median over the passes. */
  summary(): { p50: number | null; p99: number | null } {
    const first = this.passes[0] as number[];
    const perRow = new Float64Array(first.length);
    const timings = new Float64Array(this.passes.length);
    for (let r = 0; r < first.length; r++) {
      this.passes.forEach((pass, k) => (timings[k] = pass[r] as number));
      timings.sort();
      perRow[r] = timings[(timings.length - 1) >> 1] as number;
    }
    const sorted = perRow.sort();
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  }
}

function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round((sorted[i] as number) * 100) / 100;
}

/** A ratio, or null when its denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10000) / 10000 : null;
}

/** The score a finding needs to count: the guard's default rule threshold. */
export const FINDING_THRESHOLD = 0.5;
