import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passages } from './segments.js';

const para = (s: string) => s.repeat(3);

describe('passages', () => {
  it('splits at blank lines, fences, tag-only lines, headings and rules', () => {
    const a = para('First paragraph of the page. ');
    const b = para('Second paragraph of the page. ');
    const c = para('Code or data in a fenced block. ');
    const d = para('Text inside a tagged document. ');
    const text = `${a}\n\n${b}\n\`\`\`\n${c}\n<doc>\n${d}\n# Heading and more text after it\n---\n${a}`;
    const parts = passages(text).map((p) => text.slice(p.start, p.end).trim());
    expect(parts[0]).toBe(a.trim());
    expect(parts[1]).toBe(b.trim());
    expect(parts.some((p) => p.includes(c.trim()))).toBe(true);
    expect(parts.some((p) => p.includes(d.trim()))).toBe(true);
    expect(parts.length).toBeGreaterThanOrEqual(4);
  });

  it('merges short pieces (a greeting, a heading) into the next passage', () => {
    const text = `Hi,\n\n${para('The body of the message goes here. ')}`;
    expect(passages(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it('returns one passage for a text without boundaries', () => {
    expect(passages('one line of text')).toEqual([{ start: 0, end: 16 }]);
    expect(passages('')).toEqual([]);
  });

  it('covers the text in order, never overlapping, at most 64 passages', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('word ', 'more words here. ', '\n', '\n\n', '```\n', '<doc>\n', '# h\n', '---\n', ' '), { maxLength: 400 }), (pieces) => {
        const text = pieces.join('');
        const ps = passages(text);
        expect(ps.length).toBeLessThanOrEqual(64);
        let at = 0;
        for (const p of ps) {
          expect(p.start).toBeGreaterThanOrEqual(at);
          expect(p.end).toBeGreaterThan(p.start);
          expect(p.end).toBeLessThanOrEqual(text.length);
          at = p.end;
        }
        // Only the whitespace of a final boundary may follow the last passage.
        expect(text.slice(at).trim()).toBe('');
      }),
    );
  });

  it('is linear on 1 MB of boundaries', () => {
    const t0 = performance.now();
    const ps = passages('x\n\n'.repeat(350_000));
    expect(ps.length).toBe(64);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(0); // completes; speed is measured in bench/
  });
});
