import { describe, expect, it } from 'vitest';
import { keywordIndex } from './keyword-index.js';

describe('keywordIndex()', () => {
  const index = keywordIndex(['ghp_', 'key', 'token', 'xoxb', 'he', 'she', 'hers']);

  it.each([
    ['finds keywords anywhere, case-insensitively', 'A GHP_abc and an API_KEY', ['ghp_', 'key']],
    ['finds overlapping keywords (Aho-Corasick outputs)', 'ushers', ['he', 'she', 'hers']],
    ['finds nothing in unrelated text', 'plain words only', []],
    ['survives non-ASCII text around keywords', 'clé — token ✓', ['token']],
  ])('%s', (_title, text, expected) => {
    const hits = new Uint8Array(index.keywords.length);
    const found: number[] = [];
    index.scan(text, hits, undefined, undefined, found);
    expect(found.map((i) => index.keywords[i]).sort()).toEqual([...expected].sort());
  });

  it('records the end offsets of tracked keywords', () => {
    const hits = new Uint8Array(index.keywords.length);
    const track = new Uint8Array(index.keywords.length);
    track[index.keywords.indexOf('token')] = 1;
    const positions: number[] = [];
    index.scan('a token and a TOKEN', hits, track, positions);
    expect(positions).toEqual([7, 19]);
  });

  it('rejects empty and non-ASCII keywords', () => {
    expect(() => keywordIndex([''])).toThrow();
    expect(() => keywordIndex(['clé'])).toThrow();
  });
});
