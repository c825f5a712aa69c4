import { describe, expect, it } from 'vitest';
import { customPatterns } from './custom-patterns.js';

describe('customPatterns', () => {
  it('matches substrings case-insensitively and treats their regex characters literally', () => {
    const d = customPatterns({ deny: ['a.b (c)'] });
    expect(d.detect('x A.B (C) y')).toEqual([{ start: 2, end: 9, kind: 'custom.deny', score: 1 }]);
    expect(d.detect('aXb (c)')).toEqual([]);
  });
  it('finds every occurrence of a RegExp even without the g flag, and is stateless across calls', () => {
    const d = customPatterns({ deny: [/\d{3}/] });
    expect(d.detect('123 456').map((m) => m.start)).toEqual([0, 4]);
    expect(d.detect('789').map((m) => m.start)).toEqual([0]);
  });
  it('skips empty matches without looping', () => {
    expect(customPatterns({ deny: [/x*/] }).detect('abc')).toEqual([]);
  });
  it('drops deny matches inside an allow match', () => {
    const d = customPatterns({ deny: ['falcon'], allow: [/falcon heavy/i] });
    expect(d.detect('Falcon Heavy launch')).toEqual([]);
    expect(d.detect('project falcon').length).toBe(1);
  });
});
