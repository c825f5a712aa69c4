import { z } from 'zod';
import type { Message } from '../types.js';
import { isRecord } from './body-path.js';
import type { FormatCodec, StreamEventPlan } from './codec.js';

const schema = z
  .looseObject({
    prompt: z.union([z.string(), z.array(z.string())]).optional(),
    input: z.string().optional(),
  })
  .refine((b) => b.prompt !== undefined || b.input !== undefined, { message: 'expected a `prompt` or `input` field' });

const TEXT_FIELDS = ['text', 'output', 'completion', 'answer', 'response'] as const;

/**
 * A plain body `{ prompt }` (string or strings) or `{ input }`. Its answer is expected as
 * `{ text | output | completion | answer | response: string }`, legacy completion `choices[].text`,
 * or SSE events whose data carries one of those fields.
 */
export const plain: FormatCodec = {
  id: 'plain',
  errorStyle: 'openai',
  matchesRoute: () => false,
  matchesBody: (body) => body.prompt !== undefined || typeof body.input === 'string',
  schema,
  read(body) {
    const b = body as Record<string, unknown>;
    const out: Message[] = [];
    if (typeof b.prompt === 'string') out.push({ role: 'user', text: b.prompt, path: ['prompt'], source: 'text' });
    if (Array.isArray(b.prompt)) b.prompt.forEach((p: string, i) => out.push({ role: 'user', text: p, path: ['prompt', i], source: 'text' }));
    if (typeof b.input === 'string') out.push({ role: 'user', text: b.input, path: ['input'], source: 'text' });
    return out;
  },
  params(body) {
    const b = body as Record<string, unknown>;
    return { model: b.model, temperature: b.temperature, topP: b.top_p, maxTokens: b.max_tokens };
  },
  mapResponse(body, map) {
    if (!isRecord(body)) return body;
    const next: Record<string, unknown> = { ...body };
    for (const f of TEXT_FIELDS) if (typeof body[f] === 'string') next[f] = map(body[f]);
    if (Array.isArray(body.choices)) {
      next.choices = body.choices.map((c: unknown) => (isRecord(c) && typeof c.text === 'string' ? { ...c, text: map(c.text) } : c));
    }
    return next;
  },
  planStreamEvent(event, data) {
    if (data === '[DONE]') return { deltas: [], ends: 'all', write: () => data };
    if (!isRecord(data)) return null;
    const field = TEXT_FIELDS.find((f) => typeof data[f] === 'string');
    if (field === undefined) return null;
    const plan: StreamEventPlan = {
      deltas: [{ key: 'text', text: data[field] as string }],
      ends: [],
      write: (texts) => ({ ...data, [field]: texts[0] }),
      synthesize: (_key, text) => ({ event, data: { ...data, [field]: text } }),
    };
    return plan;
  },
};
