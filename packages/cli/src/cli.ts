import { INJECTION_PRESET_THRESHOLDS, promptInjection, type InjectionPreset, type PromptInjectionDetector } from '@llmguard/core';
import { evaluateLabelled } from './eval-labelled.js';
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

/** `llmguard eval --task injection|secrets|pii`: one JSON object (see USAGE). */
function evaluate(flags: Map<string, string | true>, files: string[]): string {
  const task = flags.get('--task');
  const fail = (message: string) => new CliError(message);
  if (task === 'secrets') return evaluateSecrets(files, fail);
  if (task === 'pii') return evaluatePii(files, fail);
  if (task !== 'injection') throw new CliError(`eval needs --task injection, secrets or pii${task === undefined ? '' : ` (got ${String(task)})`}`);
  const preset = presetOf(flags);
  const detector = promptInjection({ preset });
  return evaluateLabelled({ task: 'injection', preset }, files, (text) => detector.explain(text).flagged, fail);
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
