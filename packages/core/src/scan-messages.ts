import type { PathWrite } from './formats/body-path.js';
import type { ResolvedConfig } from './options.js';
import { applyRedactions, type Redaction } from './redaction/apply-redactions.js';
import type { Rule } from './rules.js';
import type { DetectorMatch, Finding, Message } from './types.js';

/** A text whose pseudonymized spans still need placeholders from the vault (an async step). */
export interface PendingPseudonyms {
  path: Message['path'];
  text: string;
  matches: DetectorMatch[];
}

/** What the rules found in the scanned messages and how the texts change. */
export interface Scan {
  findings: Finding[];
  /** Texts rewritten by normalisation or by replacement redactions. */
  writes: PathWrite[];
  pseudonyms: PendingPseudonyms[];
  blocked: boolean;
}

/**
 * Run every rule on every scanned message: record findings (offsets, never text), apply
 * replacement redactions, and set aside pseudonymized spans. Where spans overlap, replacement
 * redactions (secrets) win over pseudonyms, so a secret can never come back through restoration.
 */
export function scanMessages(config: ResolvedConfig, rules: readonly Rule[], scanned: readonly Message[], original: readonly Message[]): Scan {
  const scan: Scan = { findings: [], writes: [], pseudonyms: [], blocked: false };
  for (let i = 0; i < scanned.length; i++) {
    const m = scanned[i] as Message;
    if (!config.scanRoles.has(m.role)) continue;
    const redactions: Redaction[] = [];
    const pseudo: DetectorMatch[] = [];
    const context = { original: (original[i] as Message).text, source: m.source };
    for (const rule of rules) {
      for (const match of rule.detector.detect(m.text, context)) {
        if (match.score < rule.threshold) continue;
        scan.findings.push({
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
        if (rule.action === 'block') scan.blocked = true;
        else if (rule.action === 'redact' && rule.pseudonymize) pseudo.push(match);
        else if (rule.action === 'redact') {
          redactions.push({ start: match.start, end: match.end, replacement: rule.replacement(match.kind, m.text.slice(match.start, match.end)) });
        }
      }
    }
    const text = applyRedactions(m.text, redactions);
    if (pseudo.length > 0) scan.pseudonyms.push({ path: m.path, text, matches: shiftPast(pseudo, redactions) });
    else if (text !== (original[i] as Message).text) scan.writes.push({ path: m.path, value: text });
  }
  return scan;
}

/** Move pseudonym spans to their place in the redacted text; drop those a redaction overlaps. */
function shiftPast(matches: readonly DetectorMatch[], redactions: readonly Redaction[]): DetectorMatch[] {
  if (redactions.length === 0) return [...matches];
  const out: DetectorMatch[] = [];
  for (const m of matches) {
    let delta = 0;
    let overlaps = false;
    for (const r of redactions) {
      if (r.end <= m.start) delta += r.replacement.length - (r.end - r.start);
      else if (r.start < m.end) overlaps = true;
    }
    if (!overlaps) out.push({ ...m, start: m.start + delta, end: m.end + delta });
  }
  return out;
}
