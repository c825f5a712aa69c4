import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openaiChat } from '../formats/openai-chat.js';
import { createOutputFilter } from '../output/output-filter.js';
import { escapeHtml } from '../output/escape-html.js';
import { streamText } from '../output/stream-text.js';
import { deanonymize } from './pseudonymize.js';
import { restoreTransform } from './restore-transform.js';

const map = new Map([
  ['<PERSON_NAME_1>', 'Maria Keller'],
  ['<EMAIL_1>', 'maria@example.org'],
  ['<EMAIL_12>', 'ops@example.org'],
]);
const transform = restoreTransform(map);

/** Model text rich in placeholders, fragments of placeholders and look-alikes. */
const modelText = fc
  .array(
    fc.oneof(
      fc.constantFrom('<PERSON_NAME_1>', '<EMAIL_1>', '<EMAIL_12>', '<EMAIL_2>', '<EMAIL_', '<EM', '<', '>', '_1>', 'EMAIL_1', '<<EMAIL_1>>', '< b', ' ', '\n', 'é', '😀'),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function splitAt(value: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (value.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const p of points) {
    out.push(value.slice(at, p));
    at = p;
  }
  out.push(value.slice(at));
  return out;
}

describe('restoreTransform()', () => {
  it('restores placeholders in a whole text and leaves unknown ones', () => {
    expect(transform.apply('Dear <PERSON_NAME_1>, write to <EMAIL_1> not <EMAIL_2>.')).toBe('Dear Maria Keller, write to maria@example.org not <EMAIL_2>.');
  });

  it('streamed restoration equals whole-text restoration for every chunking', () => {
    fc.assert(
      fc.property(modelText, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const s = streamText([transform]);
        const out = splitAt(text, cuts).map((c) => s.push(c)).join('') + s.flush();
        expect(out).toBe(deanonymize(text, map));
      }),
      { numRuns: 500 },
    );
  });

  it('holds back only an unfinished placeholder', () => {
    expect(transform.safeCut?.('Hello <EMAIL_')).toBe(6);
    expect(transform.safeCut?.('a < b')).toBe(5);
    expect(transform.safeCut?.('done <EMAIL_1>')).toBe(14);
  });

  it('restores inside SSE streams split anywhere, before HTML escaping', () => {
    const filter = createOutputFilter(openaiChat, [transform, escapeHtml()]);
    const event = (content: string) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
    fc.assert(
      fc.property(modelText, fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), (text, deltaCuts, byteCuts) => {
        const wire = splitAt(text, deltaCuts).map(event).join('') + 'data: [DONE]\n\n';
        const stream = filter.stream('sse');
        const out = splitAt(wire, byteCuts).map((c) => stream.push(c)).join('') + stream.end();
        const deltas = out
          .split('\n\n')
          .filter((e) => e.startsWith('data: {'))
          .map((e) => JSON.parse(e.slice(6)).choices[0].delta.content ?? '')
          .join('');
        expect(deltas).toBe(filter.text(text));
      }),
      { numRuns: 200 },
    );
  });
});
