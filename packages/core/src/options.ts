import { z } from 'zod';
import { customPatterns } from './detectors/patterns/custom-patterns.js';
import { LlmGuardConfigError } from './errors.js';
import type { FormatCodec } from './formats/codec.js';
import { BUILTIN_FORMATS } from './formats/detect-format.js';
import { escapeHtml } from './output/escape-html.js';
import type { OutputTransform } from './output/transform.js';
import { block, redact, report, type RedactRuleOptions, type Rule } from './rules.js';
import { PII_ENTITIES, piiDetector, type PiiEntity } from './detectors/pii/pii-detector.js';
import { secretsDetector } from './detectors/secrets/secrets-detector.js';
import { hash, label, mask, remove, type RedactionOperator } from './redaction/operators.js';
import { pseudonymizer, type Pseudonymizer } from './redaction/pseudonymizer.js';
import type { PlaceholderVault } from './redaction/vault.js';
import { isSecret, type Secret } from './secrets/secret.js';
import type { Detector } from './types.js';
import { promptInjection } from './detectors/injection/prompt-injection.js';
import type { Role } from './types.js';

const off = z.literal(false);
const positiveInt = z.number().int().positive();
const range = z.object({ min: z.number(), max: z.number() }).strict();

const codecSchema = z.custom<FormatCodec>(
  (v) => typeof v === 'object' && v !== null && typeof (v as FormatCodec).read === 'function' && typeof (v as FormatCodec).id === 'string',
  { message: 'expected a format codec object with id, schema, read(), params(), mapResponse() and planStreamEvent()' },
);
const ruleSchema = z.custom<Rule>(
  (v) => typeof v === 'object' && v !== null && typeof (v as Rule).detector?.detect === 'function' && typeof (v as Rule).action === 'string',
  { message: 'expected a rule made with block(), redact() or report()' },
);
const transformSchema = z.custom<OutputTransform>(
  (v) => typeof v === 'object' && v !== null && typeof (v as OutputTransform).apply === 'function' && typeof (v as OutputTransform).maxMatchLength === 'number',
  { message: 'expected an output transform { id, maxMatchLength, apply(text) }' },
);
const patternList = z.array(z.union([z.string().min(1), z.instanceof(RegExp)]));

const actionSchema = z.enum(['block', 'redact', 'report']);
const threshold = z.number().min(0).max(1);

const injectionOverride = z
  .object({
    preset: z.enum(['strict', 'balanced', 'permissive']).optional(),
    threshold: threshold.optional(),
    action: z.enum(['block', 'report']).optional(),
  })
  .strict();

const injectionSchema = z
  .object({
    preset: z.enum(['strict', 'balanced', 'permissive']).default('balanced'),
    /** Score threshold in 0..1; overrides the preset's. */
    threshold: threshold.optional(),
    action: z.enum(['block', 'report']).default('block'),
    /** Phrases or patterns that are known false positives in your app. */
    allow: z.array(z.union([z.string().min(1), z.instanceof(RegExp)])).default([]),
    /** Also score each passage (paragraph, fenced block, tagged document) of a long text on its own. */
    passages: z.boolean().default(true),
    /** Per-route overrides by path prefix (`{ '/v1/admin': { preset: 'strict' }, '/v1/internal': false }`). */
    routes: z.record(z.string().startsWith('/'), z.union([injectionOverride, off])).default({}),
  })
  .strict();

const secretsSchema = z
  .object({
    action: actionSchema.default('redact'),
    operator: z.enum(['label', 'mask', 'hash', 'remove']).default('label'),
    threshold: threshold.default(0.5),
    exclude: z.array(z.string()).default([]),
    generic: z.boolean().default(true),
  })
  .strict();

const piiSchema = z
  .object({
    action: actionSchema.default('redact'),
    operator: z.enum(['pseudonymize', 'label', 'mask', 'hash', 'remove']).default('pseudonymize'),
    threshold: threshold.default(0.5),
    entities: z.array(z.enum(PII_ENTITIES)).optional(),
    exclude: z.array(z.enum(PII_ENTITIES)).default([]),
    phoneRegions: z.array(z.string().length(2)).optional(),
    internalIps: z.boolean().default(true),
  })
  .strict();

const vaultSchema = z.custom<PlaceholderVault>(
  (v) => typeof v === 'object' && v !== null && typeof (v as PlaceholderVault).load === 'function',
  { message: 'expected a placeholder vault such as memoryVault() or redisVault({ client })' },
);

const redactionSchema = z
  .object({
    /** HMAC key of the `hash` operator. */
    hashKey: z.union([z.string().min(16), z.custom<Secret<string>>((v) => isSecret(v), { message: 'expected a Secret' })]).optional(),
    /** Characters the `mask` operator keeps at the end. */
    maskKeep: z.number().int().min(0).default(4),
    vault: vaultSchema.optional(),
    /** Entities whose placeholders are restored in answers (`true`: all but secrets and cards). */
    restore: z.union([z.array(z.string()), z.boolean()]).default(['PERSON_NAME', 'EMAIL']),
  })
  .strict();

const limitsSchema = z
  .object({
    maxBodyBytes: z.union([positiveInt, off]).default(1_048_576),
    maxMessages: z.union([positiveInt, off]).default(256),
    maxCharsPerMessage: z.union([positiveInt, off]).default(100_000),
    maxTotalChars: z.union([positiveInt, off]).default(500_000),
    maxJsonDepth: z.union([positiveInt, off]).default(64),
  })
  .strict();

const paramsSchema = z
  .object({
    temperature: z.union([range, off]).default({ min: 0, max: 2 }),
    topP: z.union([range, off]).default({ min: 0, max: 1 }),
    maxTokens: z.union([positiveInt, off]).default(65_536),
  })
  .strict();

const normalizeSchema = z
  .object({
    nfkc: z.boolean().default(true),
    stripInvisible: z.boolean().default(true),
    rejectLoneSurrogates: z.boolean().default(true),
  })
  .strict();

const optionsSchema = z
  .object({
    format: z.union([z.enum(['auto', 'openai-chat', 'openai-responses', 'anthropic-messages', 'plain']), codecSchema]).default('auto'),
    methods: z.array(z.string().min(1)).default(['POST']),
    scanRoles: z.array(z.enum(['system', 'developer', 'user', 'assistant', 'tool'])).default(['user', 'tool']),
    limits: z.union([limitsSchema, off]).default(() => limitsSchema.parse({})),
    allowedModels: z.union([z.array(z.union([z.string(), z.instanceof(RegExp)])), off]).default(false),
    params: z.union([paramsSchema, off]).default(() => paramsSchema.parse({})),
    normalize: z.union([normalizeSchema, off]).default(() => normalizeSchema.parse({})),
    rules: z.array(ruleSchema).default([]),
    customPatterns: z
      .union([
        z
          .object({
            deny: patternList,
            allow: patternList.default([]),
            action: z.enum(['block', 'redact', 'report']).default('block'),
            replacement: z.string().default('[REDACTED]'),
          })
          .strict(),
        off,
      ])
      .default(false),
    injection: z.union([injectionSchema, off]).default(false),
    secrets: z.union([secretsSchema, off]).default(() => secretsSchema.parse({})),
    pii: z.union([piiSchema, off]).default(false),
    redaction: redactionSchema.default(() => redactionSchema.parse({})),
    output: z
      .union([
        z.object({ escapeHtml: z.boolean().default(false), transforms: z.array(transformSchema).default([]) }).strict(),
        off,
      ])
      .default(false),
    requestIdHeader: z.union([z.string().regex(/^[A-Za-z0-9-]+$/), off]).default('x-request-id'),
    audit: z.custom<(event: unknown) => void>((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const wantsHash = (o.secrets !== false && o.secrets.operator === 'hash') || (o.pii !== false && o.pii.operator === 'hash');
    if (wantsHash && o.redaction.hashKey === undefined) {
      ctx.addIssue({ code: 'custom', path: ['redaction', 'hashKey'], message: 'the hash operator needs a key of at least 16 characters', input: undefined });
    }
  });

/** Options of `createGuard()` and of every adapter (documented in the README's options table). */
export type GuardOptions = z.input<typeof optionsSchema>;

/** What `createGuard()` runs with: defaults filled, rules flattened, transforms built. */
export interface ResolvedConfig {
  format: 'auto' | FormatCodec;
  methods: ReadonlySet<string>;
  scanRoles: ReadonlySet<Role>;
  limits: z.output<typeof limitsSchema> | false;
  allowedModels: readonly (string | RegExp)[] | false;
  params: z.output<typeof paramsSchema> | false;
  normalize: z.output<typeof normalizeSchema> | false;
  rules: readonly Rule[];
  /** Rule lists of per-route overrides, longest prefix first. */
  routeRules: readonly { prefix: string; rules: readonly Rule[] }[];
  /** Reversible redaction, when a rule pseudonymizes. */
  pseudonymizer: Pseudonymizer | undefined;
  /** The output chain: your transforms, then (per request) placeholder restoration, then escaping. */
  output: readonly OutputTransform[];
  outputTransforms: readonly OutputTransform[];
  outputEscape: readonly OutputTransform[];
  requestIdHeader: string | false;
  audit: ((event: unknown) => void) | undefined;
}

/** Hints printed with a validation error, by the first segment of the option path. */
const FIXES: Readonly<Record<string, string>> = {
  format: "use 'auto', a built-in format id, or a codec object",
  limits: 'use a positive integer, or false to turn the limit off',
  params: 'use { min, max } ranges and a positive maxTokens, or false',
  rules: 'build rules with block(detector), redact(detector) or report(detector)',
  customPatterns: 'use { deny: [...strings or RegExps], allow?: [...], action?: "block" | "redact" | "report" }',
  injection: "use { preset?: 'strict' | 'balanced' | 'permissive', threshold?, action?: 'block' | 'report', allow?: [...], passages?: boolean, routes?: { '/prefix': {...} | false } } or false",
  secrets: 'use { action?, operator?: "label" | "mask" | "hash" | "remove", exclude?: [rule ids], generic? } or false',
  pii: 'use { action?, operator?: "pseudonymize" | "label" | "mask" | "hash" | "remove", entities?, exclude?, phoneRegions? } or false',
  redaction: 'use { hashKey?: string (16+ characters) or secret(...), maskKeep?, vault?, restore?: [entities] | boolean }',
  output: 'use { escapeHtml: boolean, transforms?: [...] } or false',
  allowedModels: 'use an array of model names or RegExps, or false',
};

function looksLikeRequest(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'method' in value && 'headers' in value && ('url' in value || 'socket' in value);
}

/**
 * Validate options once and resolve defaults; throws `LlmGuardConfigError` naming the option
 * path, what was received, and the fix.
 * @example
 * resolveOptions({ limits: { maxBodyBytes: 65_536 } })
 */
export function resolveOptions(options: unknown = {}): ResolvedConfig {
  if (looksLikeRequest(options)) {
    throw new LlmGuardConfigError(
      'llmguard received a request object as its options: you probably wrote app.use(llmGuard) instead of app.use(llmGuard()).',
    );
  }
  const parsed = optionsSchema.safeParse(options ?? {}, { reportInput: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((raw) => {
      const issue = deepestIssue(raw);
      const path = issue.path.length > 0 ? issue.path.join('.') : '(options)';
      const received = 'input' in issue ? describe(issue.input) : 'an invalid value';
      const fix = FIXES[String(issue.path[0])] ?? 'see the options table in the llmguard README';
      return `option "${path}": ${issue.message}; received ${received}. Fix: ${fix}.`;
    });
    throw new LlmGuardConfigError(`Invalid llmguard options:\n- ${lines.join('\n- ')}`);
  }
  const o = parsed.data;
  const rules: Rule[] = [...o.rules];
  if (o.customPatterns !== false && o.customPatterns.deny.length > 0) {
    const detector = customPatterns({ deny: o.customPatterns.deny, allow: o.customPatterns.allow });
    rules.push(ruleFor(o.customPatterns.action, detector, { id: 'custom.patterns', replacement: o.customPatterns.replacement }));
  }
  // Prompt injection runs first: a blocked request needs no redaction work.
  let injectionAt = -1;
  if (o.injection !== false) {
    injectionAt = rules.length;
    rules.push(injectionRule(o.injection, {}));
  }
  const operatorOf = (name: 'label' | 'mask' | 'hash' | 'remove'): RedactionOperator =>
    name === 'label'
      ? label()
      : name === 'mask'
        ? mask({ keep: o.redaction.maskKeep })
        : name === 'hash'
          ? hash({ key: o.redaction.hashKey as string | Secret<string> })
          : remove();
  if (o.secrets !== false) {
    const detector = secretsDetector({ exclude: o.secrets.exclude, generic: o.secrets.generic });
    // Secrets are never pseudonymized: a placeholder would let the answer carry them back.
    rules.push(ruleFor(o.secrets.action, detector, { id: 'secrets', threshold: o.secrets.threshold, replacement: operatorOf(o.secrets.operator) }));
  }
  if (o.pii !== false) {
    const p = o.pii;
    const detector = piiDetector({
      ...(p.entities ? { entities: p.entities as PiiEntity[] } : {}),
      exclude: p.exclude as PiiEntity[],
      ...(p.phoneRegions ? { phoneRegions: p.phoneRegions } : {}),
      internalIps: p.internalIps,
    });
    const how: RedactRuleOptions = p.operator === 'pseudonymize' ? { pseudonymize: true } : { replacement: operatorOf(p.operator) };
    rules.push(ruleFor(p.action, detector, { id: 'pii', threshold: p.threshold, ...how }));
  }
  const outputTransforms = o.output === false ? [] : o.output.transforms;
  // Escaping runs last so that masks and placeholders written by earlier transforms are escaped too.
  const outputEscape = o.output !== false && o.output.escapeHtml ? [escapeHtml()] : [];
  const output: OutputTransform[] = [...outputTransforms, ...outputEscape];
  const pseudonymizes = rules.some((r) => r.pseudonymize);
  const injection = o.injection;
  const routeRules =
    injection === false
      ? []
      : Object.entries(injection.routes)
          .sort(([a], [b]) => b.length - a.length)
          .map(([prefix, override]) => ({
            prefix,
            rules: override === false ? rules.filter((_r, i) => i !== injectionAt) : rules.map((r, i) => (i === injectionAt ? injectionRule(injection, override) : r)),
          }));
  return Object.freeze({
    format: o.format === 'auto' ? 'auto' : typeof o.format === 'string' ? BUILTIN_FORMATS[o.format] : o.format,
    methods: new Set(o.methods.map((m) => m.toUpperCase())),
    scanRoles: new Set(o.scanRoles),
    limits: o.limits,
    allowedModels: o.allowedModels,
    params: o.params,
    normalize: o.normalize,
    rules: Object.freeze(rules),
    routeRules: Object.freeze(routeRules),
    pseudonymizer: pseudonymizes ? pseudonymizer({ vault: o.redaction.vault, restore: o.redaction.restore }) : undefined,
    output: Object.freeze(output),
    outputTransforms: Object.freeze([...outputTransforms]),
    outputEscape: Object.freeze(outputEscape),
    requestIdHeader: o.requestIdHeader === false ? false : o.requestIdHeader.toLowerCase(),
    audit: o.audit,
  });
}

interface LooseIssue {
  path: PropertyKey[];
  message: string;
  input?: unknown;
  code?: string;
  errors?: LooseIssue[][];
}

/**
 * For `a | false` options zod reports "Invalid input" at the union; the branch whose first issue
 * lies deepest is the one the user meant (an object with one bad field), so report that issue.
 */
function deepestIssue(issue: LooseIssue): LooseIssue {
  if (issue.code !== 'invalid_union' || !issue.errors || issue.errors.length === 0) return issue;
  let best: LooseIssue | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first !== undefined && (best === undefined || first.path.length > best.path.length)) best = first;
  }
  if (best === undefined || best.path.length === 0) {
    const alternatives = [...new Set(issue.errors.map((b) => b[0]?.message.replace(/^Invalid input: /, '')).filter(Boolean))];
    return { ...issue, message: `Invalid input: ${alternatives.join(', or ')}` };
  }
  const inner = deepestIssue(best);
  return { ...inner, path: [...issue.path, ...inner.path] };
}

type InjectionSettings = z.output<typeof injectionSchema>;

/**
 * The prompt-injection rule. The detector applies its preset threshold itself, so the rule's is 0.
 * Normalisation strips Unicode tag characters before detectors run; a text that arrived with them
 * is scanned as sent, so tag smuggling is seen (and the decoded payload scored).
 */
function injectionRule(settings: InjectionSettings, override: z.output<typeof injectionOverride>): Rule {
  const preset = override.preset ?? settings.preset;
  const t = override.threshold ?? (override.preset === undefined ? settings.threshold : undefined);
  const inner = promptInjection({ preset, allow: settings.allow, passages: settings.passages, ...(t === undefined ? {} : { threshold: t }) });
  const detector: Detector = {
    id: inner.id,
    detect: (text, context) => (context !== undefined && TAG_CHARACTER.test(context.original) ? inner.detect(context.original, context) : inner.detect(text, context)),
  };
  return (override.action ?? settings.action) === 'block' ? block(detector, { id: 'injection', threshold: 0 }) : report(detector, { id: 'injection', threshold: 0 });
}

const TAG_CHARACTER = /\uDB40[\uDC00-\uDC7F]/;

function ruleFor(action: 'block' | 'redact' | 'report', detector: Detector, options: RedactRuleOptions): Rule {
  return action === 'block' ? block(detector, options) : action === 'redact' ? redact(detector, options) : report(detector, options);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  try {
    const json = JSON.stringify(value);
    return `${typeof value} ${json.length > 60 ? `${json.slice(0, 57)}...` : json}`;
  } catch {
    return typeof value;
  }
}
