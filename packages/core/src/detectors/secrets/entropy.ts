// Counts of ASCII characters and the order they first appear in (reused between calls).
const asciiCounts = new Int32Array(128);
const asciiOrder = new Uint8Array(128);
// The entropy term p * log2(p), p = n / length, for values up to 64 characters: computed once
// (the logarithm is most of the cost), the same expression so the same number.
const TERM_LENGTH = 64;
const terms = new Float64Array(((TERM_LENGTH + 1) * (TERM_LENGTH + 2)) / 2).fill(NaN);

function term(n: number, length: number): number {
  if (length > TERM_LENGTH) {
    const p = n / length;
    return p * Math.log2(p);
  }
  const at = (length * (length + 1)) / 2 + n;
  let t = terms[at] as number;
  if (Number.isNaN(t)) {
    const p = n / length;
    t = terms[at] = p * Math.log2(p);
  }
  return t;
}

/** Shannon entropy of a string in bits per character (gitleaks' measure for random-looking secrets). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // ASCII values (nearly all) are counted in a typed array; the terms are summed in the order the
  // characters first appear, as the Map below iterates, so the result is the same to the last bit.
  let distinct = 0;
  let ascii = true;
  for (let i = 0; i < value.length && ascii; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) ascii = false;
    else {
      const n = asciiCounts[c] as number;
      if (n === 0) asciiOrder[distinct++] = c;
      asciiCounts[c] = n + 1;
    }
  }
  if (ascii) {
    let h = 0;
    for (let k = 0; k < distinct; k++) {
      const c = asciiOrder[k] as number;
      h -= term(asciiCounts[c] as number, value.length);
      asciiCounts[c] = 0;
    }
    return h;
  }
  for (let k = 0; k < distinct; k++) asciiCounts[asciiOrder[k] as number] = 0;
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

/** How often the most frequent character (code point) occurs. */
function mostFrequentCount(v: string): number {
  let best = 0;
  let ascii = true;
  for (let i = 0; i < v.length && ascii; i++) {
    const c = v.charCodeAt(i);
    if (c >= 128) ascii = false;
    else {
      const n = (asciiCounts[c] as number) + 1;
      asciiCounts[c] = n;
      if (n > best) best = n;
    }
  }
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 128) asciiCounts[c] = 0;
  }
  if (ascii) return best;
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return Math.max(...counts.values());
}

/** Placeholders, masks, templates and variable references that are not secrets in themselves. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  // Masks and fillers: xxxx, ****, ...., 0000, a run of one character making up half the value.
  if (/(?:x{5,}|X{5,}|\*{3,}|\.{3,}|#{4,}|_{5,}|0{8,}|•{3,})/.test(v)) return true;
  if (v.length >= 6 && mostFrequentCount(v) > v.length * 0.5) return true;
  // Templates and references: ${VAR}, $VAR, {{ var }}, %VAR%, <your-token>, [PASSWORD], @VAR@, env lookups.
  if (/^\$\{?[A-Za-z_][\w.]*\}?$|\$\{[^}]*\}|\{\{[^}]*\}\}|^%[^%]+%$|^<[^>]*>$|^\[[^\]]*\]$|^@[A-Za-z_]+@$/.test(v)) return true;
  // AWS documents its example keys with EXAMPLE in them (AKIAIOSFODNN7EXAMPLE, ...EXAMPLEKEY).
  if (v.includes('EXAMPLE')) return true;
  // The word stands on its own (`your_api_key`, `my-token`, `INSERT KEY HERE`), not inside a random token (`9My4qw_...`).
  if (/(?:^|[^a-z0-9])(?:your|my|insert|replace|enter|put|example|sample|dummy|placeholder|changeme|change_me|redacted|todo|fixme)(?:[_\-\s]|$)/i.test(v) && /[_\-\s]|^(?:your|example|sample|dummy|placeholder|changeme|redacted)/i.test(v)) return true;
  return false;
}
