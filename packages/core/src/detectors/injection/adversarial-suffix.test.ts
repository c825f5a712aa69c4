import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialSuffix } from './adversarial-suffix.js';

// Optimised suffixes are not a list to memorise: these are generated here, GCG-style, from random
// words glued to punctuation, camel joins and stray brackets.
const words = ['describing', 'similarly', 'now', 'write', 'opposite', 'please', 'revert', 'with', 'sure', 'here', 'tutorial', 'manual', 'format', 'giving', 'one', 'two', 'heading', 'table', 'view', 'surely'];
const glue = ['.](', '**', '\\!--', '([', ']{', '}}', '\\', '`(', ');', '+{', '"]', '[@', '<!--', '!!'];
const salad = fc
  .array(
    fc.oneof(
      fc.constantFrom(...words),
      fc.tuple(fc.constantFrom(...words), fc.constantFrom(...glue)).map(([w, g]) => `${w}${g}`),
      fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a}${b[0]?.toUpperCase()}${b.slice(1)}`),
      fc.constantFrom(...glue),
    ),
    { minLength: 14, maxLength: 24 },
  )
  .map((t) => t.join(' '));

describe('adversarialSuffix', () => {
  it('flags generated token salad appended to a request', () => {
    let flagged = 0;
    fc.assert(
      fc.property(salad, (s) => {
        if (adversarialSuffix(`Explain how to make a paper plane ${s}`) !== null) flagged++;
      }),
      // A fixed sample: the share flagged varies by a few percent between random samples of 200.
      { numRuns: 200, seed: 20261123 },
    );
    expect(flagged).toBeGreaterThan(150);
  });

  const benign: { title: string; input: string }[] = [
    { title: 'prose with punctuation', input: 'Well, that (mostly) worked! The results [see table 2] were better than expected; next time we will try again.' },
    { title: 'a URL and an e-mail address', input: 'Send the file to ops@example.test or upload it at https://files.example.test/upload?id=42&mode=fast before noon.' },
    { title: 'Python code', input: 'def total(items):\n    return sum(i["price"] * i["qty"] for i in items if i.get("qty"))\n\nprint(total([{"price": 2, "qty": 3}]))' },
    { title: 'an HTML e-mail template', input: '<table width="100%" cellpadding="0" style="font-family:Georgia,serif">\n  <tr><td align="left" style="padding:12px 20px;color:#222">\n    <p>Hello Mira, your booking #HX-2231 is confirmed.</p>\n    <p><a href="https://stay.example.test/b/HX-2231" style="color:#0a6">Manage booking</a></p>\n  </td></tr>\n</table>' },
    { title: 'TypeScript code', input: 'const byId = new Map(users.map((u) => [u.id, u]));\nexport function find(id: string) { return byId.get(id) ?? null; }' },
    { title: 'markdown table', input: '| name | score |\n|------|-------|\n| Ana | 9 |\n| Bo | 7 |\nWhich row has the **highest** score?' },
    { title: 'math', input: 'Solve for x: (2x + 3)(x - 1) = 0, then compute f(x) = x^2 + 2x + 1 at both roots [show steps].' },
  ];
  it.each(benign)('leaves $title alone', ({ input }) => {
    expect(adversarialSuffix(input)).toBeNull();
  });

  it('is linear on a megabyte of punctuation', () => {
    const r = adversarialSuffix('x.]( **Y \\!-- '.repeat(75_000));
    expect(r === null || (r.start >= 0 && r.end <= 1_050_000)).toBe(true);
  });
});
