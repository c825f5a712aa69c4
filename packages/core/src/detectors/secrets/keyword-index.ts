/**
 * Aho-Corasick automaton over lower-cased ASCII keywords: one pass over a text reports which
 * keywords occur anywhere in it (case-insensitively), whatever their number, like gitleaks'
 * keyword prefilter. Non-ASCII characters reset the automaton (keywords are ASCII).
 */
export interface KeywordIndex {
  readonly keywords: readonly string[];
  /**
   * Mark `hits[i] = 1` for every keyword i found in `text`; returns how many distinct keywords
   * were found. When `track` is given, the end offset of every occurrence of a keyword with
   * `track[i] === 1` is appended to `positions`; `found` receives each keyword index once.
   */
  scan(text: string, hits: Uint8Array, track?: Uint8Array, positions?: number[], found?: number[]): number;
}

const ALPHABET = 128;

/**
 * Build the automaton once (at detector creation).
 * @example
 * const index = keywordIndex(['ghp_', 'xoxb']);
 * const hits = new Uint8Array(2); index.scan('token ghp_...', hits); // hits[0] === 1
 */
export function keywordIndex(keywords: readonly string[]): KeywordIndex {
  const words = keywords.map((k) => k.toLowerCase());
  for (const w of words) {
    if (w.length === 0 || [...w].some((c) => c.charCodeAt(0) > 127)) throw new Error(`keywordIndex: keywords must be non-empty ASCII, got ${JSON.stringify(w)}`);
  }
  // Trie with dense transitions.
  let next = new Int32Array(ALPHABET * 64).fill(-1);
  const outputs: number[][] = [[]];
  let states = 1;
  const grow = () => {
    if ((states + 1) * ALPHABET > next.length) {
      const bigger = new Int32Array(next.length * 2).fill(-1);
      bigger.set(next);
      next = bigger;
    }
  };
  words.forEach((w, index) => {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      const at = s * ALPHABET + c;
      if ((next[at] as number) === -1) {
        grow();
        next[at] = states;
        outputs.push([]);
        states++;
      }
      s = next[at] as number;
    }
    (outputs[s] as number[]).push(index);
  });
  // Failure links by breadth-first search; transitions become a full DFA (goto + fail folded in).
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const t = next[c] as number;
    if (t === -1) next[c] = 0;
    else {
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi] as number;
    const f = fail[s] as number;
    (outputs[s] as number[]).push(...(outputs[f] as number[]));
    for (let c = 0; c < ALPHABET; c++) {
      const at = s * ALPHABET + c;
      const t = next[at] as number;
      if (t === -1) next[at] = next[f * ALPHABET + c] as number;
      else {
        fail[t] = next[f * ALPHABET + c] as number;
        queue.push(t);
      }
    }
  }
  // Fold upper case into the table (no per-character branch), and index rows by shifting.
  for (let st = 0; st < states; st++) {
    for (let c = 65; c <= 90; c++) next[st * ALPHABET + c] = next[st * ALPHABET + c + 32] as number;
  }
  const out = outputs.map((o) => Int32Array.from(new Set(o)));
  // Each transition also says whether its target state completes a keyword (a high bit), so the
  // scan reads one table entry per character and nothing else.
  const small = states <= 0x7fff;
  const FLAG = small ? 0x8000 : 0x40000000;
  const STATE = FLAG - 1;
  const table = small ? new Uint16Array(states * ALPHABET) : new Int32Array(states * ALPHABET);
  for (let i = 0; i < table.length; i++) {
    const t = next[i] as number;
    table[i] = (out[t] as Int32Array).length > 0 ? t | FLAG : t;
  }
  return {
    keywords: words,
    scan(text, hits, track, positions, list) {
      let s = 0;
      let found = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        // Non-ASCII code units fold onto ASCII ones: at worst a spurious keyword, which only
        // makes a rule run (this is a prefilter).
        const t = table[(s << 7) | (text.charCodeAt(i) & 127)] as number;
        s = t & STATE;
        if (t >= FLAG) {
          const o = out[s] as Int32Array;
          for (let k = 0; k < o.length; k++) {
            const idx = o[k] as number;
            if (hits[idx] === 0) {
              hits[idx] = 1;
              found++;
              list?.push(idx);
            }
            if (track !== undefined && track[idx] === 1) positions?.push(i + 1);
          }
        }
      }
      return found;
    },
  };
}
