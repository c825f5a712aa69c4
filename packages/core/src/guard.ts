import { statusOf } from './errors.js';
import { BUILTIN_FORMATS, detectFormat } from './formats/detect-format.js';
import { writeAtPaths, type PathWrite } from './formats/body-path.js';
import { checkParams, checkSizes, exceedsDepth, type LimitViolation } from './limits/request-limits.js';
import { hasLoneSurrogate, normalizeText } from './normalize/normalize-text.js';
import { resolveOptions, type GuardOptions, type ResolvedConfig } from './options.js';
import { createOutputFilter, type OutputFilter } from './output/output-filter.js';
import { applyRedactions, type Redaction } from './redaction/apply-redactions.js';
import type { Decision, DenyDecision, ErrorCode, Finding, GuardRequest, Message } from './types.js';

/** A configured guard: `check()` decides about requests, `output()` filters answers. */
export interface Guard {
  readonly config: ResolvedConfig;
  /** Decide about one request. Expected outcomes (blocked, invalid, too large) are values. */
  check(request: GuardRequest): Promise<Decision>;
  /** The output filter for a format id returned in a decision. */
  output(format: string): OutputFilter;
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
  const outputs = new Map(codecs.map((c) => [c.id, createOutputFilter(c, config.output)]));
  const passthrough = createOutputFilter(BUILTIN_FORMATS.plain, []);

  return {
    config,
    async check(request) {
      const decision = decide(config, request);
      emitAudit(config, decision);
      return decision;
    },
    output: (format) => outputs.get(format) ?? passthrough,
  };
}

/** The story of a request: read, validate, limit, normalise, detect, decide, write. */
function decide(config: ResolvedConfig, request: GuardRequest): Decision {
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
  const findings: Finding[] = [];
  const writes: PathWrite[] = [];
  for (let i = 0; i < scanned.length; i++) {
    const m = scanned[i] as Message;
    if (!config.scanRoles.has(m.role)) continue;
    const redactions: Redaction[] = [];
    for (const rule of config.rules) {
      for (const match of rule.detector.detect(m.text)) {
        if (match.score < rule.threshold) continue;
        findings.push({
          ruleId: rule.id,
          detectorId: rule.detector.id,
          kind: match.kind,
          action: rule.action,
          score: match.score,
          messageIndex: i,
          role: m.role,
          start: match.start,
          end: match.end,
        });
        if (rule.action === 'redact') redactions.push({ start: match.start, end: match.end, replacement: rule.replacement(match.kind) });
      }
    }
    const text = applyRedactions(m.text, redactions);
    if (text !== (messages[i] as Message).text) writes.push({ path: m.path, value: text });
  }
  if (findings.some((f) => f.action === 'block')) {
    return { ...deny(codec.id, 'llmguard_blocked_content', 'The request was blocked by a content rule.', null), findings };
  }
  return { allowed: true, format: codec.id, body: writeAtPaths(request.body, writes), messages: scanned, findings };
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
  const event = decision.allowed
    ? { type: 'request.allowed', format: decision.format, findings: decision.findings.length, rules }
    : { type: 'request.denied', format: decision.format, code: decision.code, status: decision.status, findings: decision.findings.length, rules };
  try {
    config.audit(event);
  } catch {
    // An audit sink's failure must not change the decision.
  }
}
