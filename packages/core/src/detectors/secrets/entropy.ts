/** Shannon entropy of a string in bits per character (gitleaks' measure for random-looking secrets). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** The longest run of consecutive ascending (or descending) characters: `abcdef`, `123456`, `zyx`. */
export function longestSequence(value: string): number {
  let best = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return value.length === 0 ? 0 : best;
}

/** Placeholders, masks, templates and variable references that are not secrets in themselves. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  // Masks and fillers: xxxx, ****, ...., 0000, a run of one character making up half the value.
  if (/(?:x{5,}|X{5,}|\*{3,}|\.{3,}|#{4,}|_{5,}|0{8,}|•{3,})/.test(v)) return true;
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (Math.max(...counts.values()) > v.length * 0.5 && v.length >= 6) return true;
  // Templates and references: ${VAR}, $VAR, {{ var }}, %VAR%, <your-token>, [PASSWORD], @VAR@, env lookups.
  if (/^\$\{?[A-Za-z_][\w.]*\}?$|\$\{[^}]*\}|\{\{[^}]*\}\}|^%[^%]+%$|^<[^>]*>$|^\[[^\]]*\]$|^@[A-Za-z_]+@$/.test(v)) return true;
  if (/(?:^|[^a-z])(?:your|my|insert|replace|enter|put|example|sample|dummy|placeholder|changeme|change_me|redacted|todo|fixme)[_\-\s]?(?:api|key|token|secret|password|here|value|id)?/i.test(v) && /[_\-\s]|^(?:your|example|sample|dummy|placeholder|changeme|redacted)/i.test(v)) return true;
  return false;
}
