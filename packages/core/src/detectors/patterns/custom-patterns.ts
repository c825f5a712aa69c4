import type { Detector, DetectorMatch } from '../../types.js';

/** User-given deny and allow lists for the `customPatterns` rule. */
export interface CustomPatternsOptions {
  /** Regexes or substrings (case-insensitive) that produce a finding. */
  deny: readonly (string | RegExp)[];
  /** Regexes or substrings whose spans cancel overlapping deny matches (known false positives). */
  allow?: readonly (string | RegExp)[];
}

/**
 * A detector for user-given deny and allow patterns. Substrings match case-insensitively;
 * regexes are compiled once with the global flag added.
 * @example
 * customPatterns({ deny: ['internal codename', /project\s+falcon/i], allow: ['falcon heavy'] })
 */
export function customPatterns(options: CustomPatternsOptions): Detector {
  const deny = options.deny.map(compile);
  const allow = (options.allow ?? []).map(compile);
  return {
    id: 'custom.patterns',
    detect(text) {
      const denied = collect(deny, text);
      if (denied.length === 0 || allow.length === 0) return denied;
      const allowed = collect(allow, text);
      return denied.filter((d) => !allowed.some((a) => a.start <= d.start && a.end >= d.end));
    },
  };
}

function compile(pattern: string | RegExp): RegExp {
  if (typeof pattern === 'string') return new RegExp(escapeRegExp(pattern), 'giu');
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return new RegExp(pattern.source, flags);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function collect(patterns: readonly RegExp[], text: string): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'custom.deny', score: 1 });
    }
  }
  return out;
}
