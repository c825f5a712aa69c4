import { piiDetector } from '../detectors/pii/pii-detector.js';
import { secretsDetector } from '../detectors/secrets/secrets-detector.js';
import { label, type RedactionOperator } from '../redaction/operators.js';
import { redactText } from '../redaction/redact-text.js';
import type { Detector, DetectorMatch } from '../types.js';
import { redactPaths, type RedactPathsOptions } from './redact-paths.js';

export interface LogRedactorOptions {
  /** Secret detector (default `secretsDetector()`; `false` to skip). */
  secrets?: Detector | false;
  /** PII detector (default `piiDetector()` without names and addresses, whose false positives make logs unreadable; `false` to skip). */
  pii?: Detector | false;
  /** Replacement (default `label()`: `[REDACTED_EMAIL]`, `[REDACTED_SECRET]`). */
  operator?: RedactionOperator;
  /** Findings below this score are left (default 0.5, the guard's default threshold). */
  threshold?: number;
  /** Strings longer than this are cut before scanning, so a huge log line cannot stall logging (default 64 KiB). */
  maxLength?: number;
}

/**
 * A function that redacts credentials and personal data in one log string.
 * @example
 * const clean = logRedactor();
 * clean('user jane@example.org sent sk-proj-...') // 'user [REDACTED_EMAIL] sent [REDACTED_SECRET]'
 */
export function logRedactor(options: LogRedactorOptions = {}): (text: string) => string {
  const detectors: Detector[] = [];
  if (options.secrets !== false) detectors.push(options.secrets ?? secretsDetector());
  if (options.pii !== false) detectors.push(options.pii ?? piiDetector({ exclude: ['person-name', 'street-address'] }));
  const operator = options.operator ?? label();
  const threshold = options.threshold ?? 0.5;
  const max = options.maxLength ?? 65_536;
  return function redactLogText(text) {
    if (typeof text !== 'string' || text.length < 6) return text;
    const value = text.length > max ? `${text.slice(0, max)}…[truncated]` : text;
    const matches: DetectorMatch[] = [];
    for (const d of detectors) for (const m of d.detect(value)) if (m.score >= threshold) matches.push(m);
    return matches.length === 0 ? value : redactText(value, matches, operator);
  };
}

/** A copy of an error with its message and stack redacted (pino takes `msg` from the message). */
function cleanError(error: Error, clean: (text: string) => string): Error {
  const copy = new Error(clean(error.message));
  copy.name = error.name;
  copy.stack = typeof error.stack === 'string' ? clean(error.stack) : undefined;
  for (const [k, v] of Object.entries(error)) (copy as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? clean(v) : v;
  return copy;
}

/** The subset of pino options this integration sets (typed here so core needs no pino import). */
export interface PinoRedactionOptions {
  redact: { paths: string[]; censor: string };
  hooks: { logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void, level: number): void };
  formatters: { log(object: Record<string, unknown>): Record<string, unknown> };
}

export interface PinoRedactionConfig extends LogRedactorOptions, RedactPathsOptions {
  /** What censored paths print as (default `[REDACTED]`). */
  censor?: string;
  /** How deep objects are walked for strings to redact (default 6). */
  maxDepth?: number;
}

/**
 * pino options that keep credentials and personal data out of logs: `redact` paths for
 * headers and bodies, a `logMethod` hook that redacts message strings and interpolation
 * arguments (`logger.info(userText)`), and a `log` formatter that redacts strings inside logged
 * objects. Spread them into your pino options.
 * @example
 * import pino from 'pino';
 * const logger = pino({ ...pinoRedaction(), level: 'info' });
 * logger.info(`user said: ${prompt}`); // credentials and emails come out as [REDACTED_*]
 */
export function pinoRedaction(config: PinoRedactionConfig = {}): PinoRedactionOptions {
  const clean = logRedactor(config);
  const maxDepth = config.maxDepth ?? 6;
  const walk = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return clean(value);
    if (value === null || typeof value !== 'object' || depth >= maxDepth) return value;
    if (seen.has(value)) return value;
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, seen));
    if (value instanceof Error) return { type: value.name, message: clean(value.message), stack: typeof value.stack === 'string' ? clean(value.stack) : undefined };
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, depth + 1, seen);
    return out;
  };
  return {
    redact: { paths: redactPaths(config), censor: config.censor ?? '[REDACTED]' },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? clean(a) : a instanceof Error ? cleanError(a, clean) : a)),
        );
      },
    },
    formatters: {
      log(object) {
        return walk(object, 0, new WeakSet()) as Record<string, unknown>;
      },
    },
  };
}
