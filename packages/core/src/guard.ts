import { statusOf } from './errors.js';
import { BUILTIN_FORMATS, detectFormat } from './formats/detect-format.js';
import { writeAtPaths } from './formats/body-path.js';
import { checkParams, checkSizes, exceedsDepth, type LimitViolation } from './limits/request-limits.js';
import { hasLoneSurrogate, normalizeText } from './normalize/normalize-text.js';
import { resolveOptions, type GuardOptions, type ResolvedConfig } from './options.js';
import { createOutputFilter, type OutputFilter } from './output/output-filter.js';
import type { OutputTransform } from './output/transform.js';
import type { Rule } from './rules.js';
import { scanMessages, type Scan } from './scan-messages.js';
import type { Decision, DenyDecision, ErrorCode, GuardRequest, Message } from './types.js';

/** A configured guard: `check()` decides about requests, `output()` filters answers. */
export interface Guard {
  readonly config: ResolvedConfig;
  /** Decide about one request. Expected outcomes (blocked, invalid, too large) are values. */
  check(request: GuardRequest): Promise<Decision>;
  /**
   * The output filter for a format id returned in a decision; pass the decision's `restore`
   * transform to put placeholders back in the answer.
   */
  output(format: string, restore?: OutputTransform): OutputFilter;
}

/**
 * Validate options once and build a guard.
 * @example
 * const guard = createGuard({ customPatterns: { deny: ['ignore previous instructions'] } });
 * const decision = await guard.check({ route: '/v1/chat/completions', body });
 * if (!decision.allowed) console.log(decision.status, decision.code);
 */
export function createGuard(options?: GuardOptions): Guard {
  const config = resolveOptions(options);
  // Output filters are built once per known format; check() reports which one applies.
  const codecs = config.format === 'auto' ? Object.values(BUILTIN_FORMATS) : [config.format];
  const byId = new Map(codecs.map((c) => [c.id, c]));
  const outputs = new Map(codecs.map((c) => [c.id, createOutputFilter(c, config.output)]));
  const passthrough = createOutputFilter(BUILTIN_FORMATS.plain, []);

  return {
    config,
    async check(request) {
      const decision = await decide(config, request);
      emitAudit(config, decision);
      return decision;
    },
    output(format, restore) {
      const codec = byId.get(format);
      if (codec === undefined) return passthrough;
      if (restore === undefined) return outputs.get(format) ?? passthrough;
      // Per request: your transforms see raw model text, restoration follows, escaping comes last.
      return createOutputFilter(codec, [...config.outputTransforms, restore, ...config.outputEscape]);
    },
  };
}

/** The story of a request: read, validate, limit, normalise, detect, decide, write. */
async function decide(config: ResolvedConfig, request: GuardRequest): Promise<Decision> {
  const limits = config.limits;
  if (limits !== false && limits.maxBodyBytes !== false && (request.bodyBytes ?? 0) > limits.maxBodyBytes) {
    return deny('unknown', 'llmguard_payload_too_large', `The request body is larger than ${limits.maxBodyBytes} bytes.`, null);
  }
  const codec = config.format === 'auto' ? detectFormat(request.route, request.body) : config.format;
  if (codec === undefined) {
    return deny('unknown', 'llmguard_invalid_request', 'Unrecognised request body: expected an OpenAI, Anthropic or { prompt } request.', null);
  }
  if (limits !== false && limits.maxJsonDepth !== false && exceedsDepth(request.body, limits.maxJsonDepth)) {
    return deny(codec.id, 'llmguard_invalid_request', `The request body is nested deeper than ${limits.maxJsonDepth} levels.`, null);
  }
  const parsed = codec.schema.safeParse(request.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue && issue.path.length > 0 ? issue.path.join('.') : null;
    return deny(codec.id, 'llmguard_invalid_request', `Invalid request${param ? ` at ${param}` : ''}: ${issue?.message ?? 'malformed body'}.`, param);
  }
  const violation = checkParams(config, codec.params(request.body));
  if (violation) return denyFor(codec.id, violation);

  const messages = codec.read(request.body);
  const sizes = checkSizes(config, messages);
  if (sizes) return denyFor(codec.id, sizes);
  if (config.normalize === false || config.normalize.rejectLoneSurrogates) {
    const bad = messages.find((m) => hasLoneSurrogate(m.text));
    if (bad) return deny(codec.id, 'llmguard_invalid_encoding', 'The request contains invalid UTF-16 (a lone surrogate).', bad.path.join('.'));
  }

  const scanned = normalizeScanned(config, messages);
  const scan = scanMessages(config, rulesFor(config, request.route), scanned, messages);
  if (scan.blocked) {
    return { ...deny(codec.id, 'llmguard_blocked_content', 'The request was blocked by a content rule.', null), findings: scan.findings };
  }
  const restore = await pseudonymizeInto(config, scan, scanned);
  return { allowed: true, format: codec.id, body: writeAtPaths(request.body, scan.writes), messages: scanned, findings: scan.findings, restore };
}

/**
 * Replace pseudonymized spans with the conversation's placeholders (the vault is async) and load
 * what the answer may restore, before the response starts.
 */
async function pseudonymizeInto(config: ResolvedConfig, scan: Scan, scanned: readonly Message[]): Promise<OutputTransform | undefined> {
  const p = config.pseudonymizer;
  if (p === undefined) return undefined;
  const conversation = p.conversationOf(scanned);
  if (scan.pseudonyms.length > 0) {
    const texts = await p.apply(conversation, scan.pseudonyms);
    scan.pseudonyms.forEach((pending, k) => scan.writes.push({ path: pending.path, value: texts[k] }));
  }
  return p.restoreFor(conversation);
}

/** The rule list for a route: the longest matching `routes` prefix of a per-route override, else the default. */
function rulesFor(config: ResolvedConfig, route: string | undefined): readonly Rule[] {
  if (route !== undefined) {
    for (const r of config.routeRules) if (route.startsWith(r.prefix)) return r.rules;
  }
  return config.rules;
}

/** NFKC and invisible-character removal on the roles that are scanned; other roles are kept as sent. */
function normalizeScanned(config: ResolvedConfig, messages: Message[]): Message[] {
  const n = config.normalize;
  if (n === false || (!n.nfkc && !n.stripInvisible)) return messages;
  return messages.map((m) => {
    if (!config.scanRoles.has(m.role)) return m;
    const text = normalizeText(m.text, n);
    return text === m.text ? m : { ...m, text };
  });
}

function deny(format: string, code: ErrorCode, message: string, param: string | null): DenyDecision {
  return { allowed: false, format, code, status: statusOf(code), message, param, findings: [] };
}

function denyFor(format: string, v: LimitViolation): DenyDecision {
  return deny(format, v.code, v.message, v.param);
}

/** Audit sinks can never fail a request. Events carry counts and ids, never matched text. */
function emitAudit(config: ResolvedConfig, decision: Decision): void {
  if (config.audit === undefined) return;
  const rules = [...new Set(decision.findings.map((f) => f.ruleId))];
  // Kinds explain a decision (`injection.role-hijack`, `pii.email`) without carrying any text.
  const kinds = [...new Set(decision.findings.map((f) => f.kind))];
  const event = decision.allowed
    ? { type: 'request.allowed', format: decision.format, findings: decision.findings.length, rules, kinds }
    : { type: 'request.denied', format: decision.format, code: decision.code, status: decision.status, findings: decision.findings.length, rules, kinds };
  try {
    config.audit(event);
  } catch {
    // An audit sink's failure must not change the decision.
  }
}
