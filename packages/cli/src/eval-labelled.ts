import { type InputError, ratio, readJsonl, Timer, TIMING_PASSES } from './eval-support.js';

interface Row {
  text: string;
  label: 0 | 1;
}

interface Counts {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

function rates(c: Counts) {
  const tpr = ratio(c.tp, c.tp + c.fn);
  const precision = ratio(c.tp, c.tp + c.fp);
  const f1 = precision !== null && tpr !== null ? (precision + tpr > 0 ? Math.round(((2 * precision * tpr) / (precision + tpr)) * 10000) / 10000 : 0) : tpr === null ? null : 0;
  return { ...c, tpr, fpr: ratio(c.fp, c.fp + c.tn), precision, f1 };
}

function checkRow(row: unknown): Row | string {
  const r = row as { text?: unknown; label?: unknown };
  if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || (r.label !== 0 && r.label !== 1)) return 'expected {"text": string, "label": 0|1}';
  return { text: r.text, label: r.label };
}

/** Rows warmed up before timing (JIT, lazily compiled patterns), so timings describe a long-running server. */
const WARM_UP_ROWS = 20_000;

/**
 * The `eval` tasks over `{text, label}` rows (injection, secrets): per-file and pooled confusion
 * counts and rates, and the detector's speed in microseconds per KiB. Every file is read before
 * any work, so an unreadable file fails first.
 */
export function evaluateLabelled(head: { task: string } & Record<string, unknown>, files: readonly string[], flag: (text: string) => boolean, fail: InputError): string {
  if (files.length === 0) throw fail('eval needs at least one FILE.jsonl');
  const inputs = files.map((file) => ({ file, rows: readJsonl(file, checkRow, fail) }));
  let warm = 0;
  for (const { rows } of inputs) for (const row of rows) if (warm++ < WARM_UP_ROWS) flag(row.text);
  const timer = new Timer();
  const pooled: Counts = { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
  const perFile = inputs.map(({ file, rows }) => {
    const c: Counts = { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
    for (const row of rows) {
      const flagged = timer.time(row.text, () => flag(row.text));
      const key = flagged ? (row.label === 1 ? 'tp' : 'fp') : row.label === 1 ? 'fn' : 'tn';
      c[key]++;
      c.n++;
      pooled[key]++;
      pooled.n++;
    }
    return { file, ...rates(c) };
  });
  for (let pass = 1; pass < TIMING_PASSES; pass++) {
    timer.nextPass();
    for (const { rows } of inputs) for (const row of rows) timer.time(row.text, () => flag(row.text));
  }
  return JSON.stringify({ ...head, files: perFile, pooled: rates(pooled), usPerKb: timer.summary() });
}
