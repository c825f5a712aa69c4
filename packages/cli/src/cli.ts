import { readFileSync } from 'node:fs';
import { INJECTION_PRESET_THRESHOLDS, promptInjection, type InjectionPreset, type PromptInjectionDetector } from '@llmguard/core';
import { evaluatePii } from './eval-pii.js';
import { evaluateSecrets } from './eval-secrets.js';

const USAGE = `Usage:
  llmguard scan [--preset strict|balanced|permissive] [--json]     read text from stdin, print the decision
  llmguard eval --task injection [--preset NAME] FILE.jsonl [...]  rows {"text": string, "label": 0|1}; prints one JSON object
  llmguard eval --task secrets FILE.jsonl [...]                    rows {"text": string, "label": 0|1}; flagged = any secret finding
  llmguard eval --task pii FILE.jsonl [...]                        rows {"text", "entities": [{type, start, end}], "annotated_types"?}

Exit codes: 0 success (whatever the scores), 2 unreadable input or bad usage.`;

/** A usage or input error: printed on stderr, exit code 2. */
class CliError extends Error {}

interface Counts {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

interface Rates extends Counts {
  tpr: number | null;
  fpr: number | null;
  precision: number | null;
  f1: number | null;
}

function parseArgs(argv: readonly string[]): { command: string | undefined; flags: Map<string, string | true>; files: string[] } {
  const [command, ...rest] = argv;
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--json' || a === '--help' || a === '-h') flags.set(a, true);
    else if (a === '--preset' || a === '--task') {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CliError(`${a} needs a value`);
      flags.set(a, v);
      i++;
    } else if (a.startsWith('--preset=') || a.startsWith('--task=')) {
      const eq = a.indexOf('=');
      flags.set(a.slice(0, eq), a.slice(eq + 1));
    } else if (a.startsWith('--')) throw new CliError(`unknown option ${a}`);
    else files.push(a);
  }
  return { command, flags, files };
}

function presetOf(flags: Map<string, string | true>): InjectionPreset {
  const p = flags.get('--preset') ?? 'balanced';
  if (p !== 'strict' && p !== 'balanced' && p !== 'permissive') throw new CliError(`--preset must be strict, balanced or permissive (got ${String(p)})`);
  return p;
}

function rates(c: Counts): Rates {
  const tpr = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const fpr = c.fp + c.tn > 0 ? c.fp / (c.fp + c.tn) : null;
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const f1 = precision !== null && tpr !== null && precision + tpr > 0 ? (2 * precision * tpr) / (precision + tpr) : tpr === null ? null : 0;
  return { ...c, tpr, fpr, precision, f1 };
}

function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round((sorted[i] as number) * 100) / 100;
}

interface Row {
  text: string;
  label: 0 | 1;
}

/** Read a JSONL file of `{text, label}` rows; any unreadable file or row is a CliError. */
function readRows(file: string): Row[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const rows: Row[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new CliError(`${file}:${i + 1}: not valid JSON`);
    }
    const r = row as { text?: unknown; label?: unknown };
    if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || (r.label !== 0 && r.label !== 1)) {
      throw new CliError(`${file}:${i + 1}: expected {"text": string, "label": 0|1}`);
    }
    rows.push({ text: r.text, label: r.label });
  }
  return rows;
}

/** `llmguard eval --task injection`: per-file and pooled confusion counts, rates and speed. */
function evaluate(flags: Map<string, string | true>, files: string[]): string {
  const task = flags.get('--task');
  if (task === 'secrets') return evaluateSecrets(files, (message) => new CliError(message));
  if (task === 'pii') return evaluatePii(files, (message) => new CliError(message));
  if (task !== 'injection') throw new CliError(`eval needs --task injection${task === undefined ? '' : ` (got ${String(task)})`}`);
  if (files.length === 0) throw new CliError('eval needs at least one FILE.jsonl');
  const preset = presetOf(flags);
  // Read everything first: an unreadable file fails before any work.
  const inputs = files.map((file) => ({ file, rows: readRows(file) }));
  const detector = promptInjection({ preset });
  const encoder = new TextEncoder();
  // Warm up (JIT and lazily compiled patterns) on up to 20,000 rows, so the timings describe the
  // detector as a long-running server runs it; the counts come from the timed pass below.
  let warm = 0;
  for (const { rows } of inputs) for (const row of rows) if (warm++ < 20_000) detector.explain(row.text);
  const timings: number[] = [];
  const pooled: Counts = { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
  const perFile = inputs.map(({ file, rows }) => {
    const c: Counts = { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
    for (const row of rows) {
      const start = process.hrtime.bigint();
      const flagged = detector.explain(row.text).flagged;
      const elapsedUs = Number(process.hrtime.bigint() - start) / 1000;
      const bytes = encoder.encode(row.text).length;
      // Microseconds per KiB of UTF-8 text, one sample per row.
      if (bytes > 0) timings.push(elapsedUs / (bytes / 1024));
      const key = flagged ? (row.label === 1 ? 'tp' : 'fp') : row.label === 1 ? 'fn' : 'tn';
      c[key]++;
      c.n++;
      pooled[key]++;
      pooled.n++;
    }
    return { file, ...rates(c) };
  });
  const sorted = Float64Array.from(timings).sort();
  return JSON.stringify({ task: 'injection', preset, files: perFile, pooled: rates(pooled), usPerKb: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) } });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (error) {
    throw new CliError(`cannot read stdin: ${(error as Error).message}`);
  }
  const buffer = Buffer.concat(chunks);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  return text;
}

/** `llmguard scan`: the decision, score, techniques and findings for the text on stdin. */
async function scan(flags: Map<string, string | true>): Promise<string> {
  const preset = presetOf(flags);
  const detector: PromptInjectionDetector = promptInjection({ preset });
  const text = await readStdin();
  const explanation = detector.explain(text);
  const findings = detector.detect(text).map((m) => ({ kind: m.kind, start: m.start, end: m.end, score: round(m.score) }));
  const decision = explanation.flagged ? 'block' : 'allow';
  if (flags.has('--json')) {
    return JSON.stringify({ decision, preset, score: round(explanation.score), threshold: INJECTION_PRESET_THRESHOLDS[preset], techniques: explanation.techniques, findings });
  }
  const lines = [`${decision === 'block' ? 'BLOCK' : 'ALLOW'}  score ${round(explanation.score)} (preset ${preset}, threshold ${explanation.threshold})`];
  lines.push(`techniques: ${explanation.techniques.length > 0 ? explanation.techniques.join(', ') : '(none)'}`);
  for (const f of findings) lines.push(`  ${f.kind} [${f.start}, ${f.end})`);
  return lines.join('\n');
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const { command, flags, files } = parseArgs(argv);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help' || flags.has('--help') || flags.has('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'eval') {
      process.stdout.write(`${evaluate(flags, files)}\n`);
      return 0;
    }
    if (command === 'scan') {
      if (files.length > 0) throw new CliError('scan reads its text from stdin; it takes no file arguments');
      process.stdout.write(`${await scan(flags)}\n`);
      return 0;
    }
    throw new CliError(`unknown command ${command}`);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`llmguard: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
