import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anthropicMessages } from '../formats/anthropic-messages.js';
import type { FormatCodec } from '../formats/codec.js';
import { openaiChat } from '../formats/openai-chat.js';
import { openaiResponses } from '../formats/openai-responses.js';
import { plain } from '../formats/plain.js';
import { createSseParser } from '../formats/sse.js';
import { escapeHtml } from './escape-html.js';
import { createOutputFilter } from './output-filter.js';
import { patternTransform } from './pattern-transform.js';
import { composeTransforms, type OutputTransform } from './transform.js';

/** A model-side stream for each format: text deltas wrapped in the provider's events. */
interface StreamFixture {
  codec: FormatCodec;
  events(deltas: string[]): string[];
  deltaOf(data: unknown): string | undefined;
  whole(text: string): unknown;
  wholeText(body: unknown): string;
}

const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

const fixtures: StreamFixture[] = [
  {
    codec: openaiChat,
    events: (deltas) => [
      sse({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
      ...deltas.map((d) => sse({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: d }, finish_reason: null }] })),
      sse({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
      sse('[DONE]'),
    ],
    deltaOf: (d: any) => d?.choices?.[0]?.delta?.content,
    whole: (text) => ({ id: 'c', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
    wholeText: (b: any) => b.choices[0].message.content,
  },
  {
    codec: openaiResponses,
    events: (deltas) => [
      sse({ type: 'response.created', response: { id: 'r', output: [] } }, 'response.created'),
      ...deltas.map((d) => sse({ type: 'response.output_text.delta', item_id: 'm', output_index: 0, content_index: 0, delta: d }, 'response.output_text.delta')),
      sse({ type: 'response.output_text.done', item_id: 'm', output_index: 0, content_index: 0, text: deltas.join('') }, 'response.output_text.done'),
      sse({ type: 'response.completed', response: { id: 'r', output: [{ type: 'message', content: [{ type: 'output_text', text: deltas.join('') }] }] } }, 'response.completed'),
    ],
    deltaOf: (d: any) => (d?.type === 'response.output_text.delta' ? d.delta : undefined),
    whole: (text) => ({ id: 'r', output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }] }),
    wholeText: (b: any) => b.output[0].content[0].text,
  },
  {
    codec: anthropicMessages,
    events: (deltas) => [
      sse({ type: 'message_start', message: { id: 'm', content: [] } }, 'message_start'),
      sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
      ...deltas.map((d) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: d } }, 'content_block_delta')),
      sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
      sse({ type: 'message_stop' }, 'message_stop'),
    ],
    deltaOf: (d: any) => (d?.type === 'content_block_delta' ? d.delta.text : d?.type === 'content_block_start' ? d.content_block.text : undefined),
    whole: (text) => ({ id: 'm', type: 'message', content: [{ type: 'text', text }] }),
    wholeText: (b: any) => b.content[0].text,
  },
  {
    codec: plain,
    events: (deltas) => [...deltas.map((d) => sse({ text: d })), sse('[DONE]')],
    deltaOf: (d: any) => d?.text,
    whole: (text) => ({ text }),
    wholeText: (b: any) => b.text,
  },
];

const ticket = patternTransform({ id: 'test.ticket', pattern: /TICKET-\d{6}/, replacement: '<T>', maxMatchLength: 13 });
const chains: { title: string; transforms: OutputTransform[] }[] = [
  { title: 'HTML escaping', transforms: [escapeHtml()] },
  { title: 'a hold-back redaction then HTML escaping', transforms: [ticket, escapeHtml()] },
];

/** Text rich in what the transforms act on: markup characters, ticket ids, multi-byte characters. */
const modelText = fc
  .array(fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", 'TICKET-', 'TICKET-123456', '12', '7', ' ', '\n', 'é', '😀', '\r\n', 'data: x'), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Split a string (or byte array) at sorted cut points. */
function splitAt<T extends string | Uint8Array>(value: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((c) => c % (value.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let at = 0;
  for (const p of points) {
    out.push(value.slice(at, p) as T);
    at = p;
  }
  out.push(value.slice(at) as T);
  return out;
}

function deltasIn(fixture: StreamFixture, stream: string): string {
  const parser = createSseParser();
  const events = [...parser.push(stream), ...parser.end()];
  return events
    .map((e) => (e.data === undefined || e.data === '[DONE]' ? undefined : fixture.deltaOf(JSON.parse(e.data))))
    .filter((d): d is string => d !== undefined)
    .join('');
}

describe.each(fixtures)('output filter for $codec.id', (fixture) => {
  describe.each(chains)('with $title', ({ transforms }) => {
    const filter = createOutputFilter(fixture.codec, transforms);
    const expected = composeTransforms(transforms);

    it('streamed text equals the whole-body text for every split into deltas and every byte chunking', () => {
      fc.assert(
        fc.property(modelText, fc.array(fc.nat(), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (text, deltaCuts, byteCuts, crlf) => {
          // JSON data never holds a raw line break, so CRLF line endings can be swapped in safely.
          const events = fixture.events(splitAt(text, deltaCuts)).join('');
          const wire = new TextEncoder().encode(crlf ? events.replace(/\n/g, '\r\n') : events);
          const stream = filter.stream('sse');
          const out = splitAt(wire, byteCuts).map((chunk) => stream.push(chunk)).join('') + stream.end();
          const whole = fixture.wholeText(filter.json(fixture.whole(text)));
          expect(whole).toBe(expected(text));
          expect(deltasIn(fixture, out)).toBe(whole);
          // The wire output does not depend on the byte chunking either.
          expect(out).toBe(filter.sse(new TextDecoder().decode(wire)));
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('escapeHtml', () => {
  const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);
  it('is total: no markup character survives, every & starts an entity, and it round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const out = escapeHtml().apply(text);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(unescape(out)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
  it('returns the same string when nothing needs escaping (fast path)', () => {
    const text = 'plain text, nothing to escape';
    expect(escapeHtml().apply(text)).toBe(text);
  });
});
