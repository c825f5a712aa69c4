import { z } from 'zod';
import type { Message, Role } from '../types.js';
import { isRecord, routeEndsWith } from './body-path.js';
import type { FormatCodec, StreamEventPlan } from './codec.js';

// https://docs.anthropic.com/en/api/messages
const block = z.looseObject({ type: z.string() }).refine((b) => b.type !== 'text' || typeof b.text === 'string', {
  message: 'a text block needs a string `text`',
});
const message = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(block)]),
});
const schema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().min(1),
  messages: z.array(message),
  system: z.union([z.string(), z.array(block)]).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
});

function readBlocks(out: Message[], role: Role, content: unknown, base: (string | number)[], source: Message['source']) {
  if (typeof content === 'string') {
    out.push({ role, text: content, path: base, source });
    return;
  }
  if (!Array.isArray(content)) return;
  content.forEach((b: unknown, j) => {
    if (!isRecord(b)) return;
    if (b.type === 'text' && typeof b.text === 'string') {
      out.push({ role, text: b.text, path: [...base, j, 'text'], source });
    } else if (b.type === 'tool_result') {
      readBlocks(out, 'tool', b.content, [...base, j, 'content'], 'tool_result');
    } else if (b.type === 'document' && isRecord(b.source) && b.source.type === 'text' && typeof b.source.data === 'string') {
      // A plain-text document is data from outside the conversation, like a tool result.
      out.push({ role: 'tool', text: b.source.data, path: [...base, j, 'source', 'data'], source: 'tool_result' });
    }
  });
}

const mapBlock = (b: unknown, map: (text: string) => string): unknown =>
  isRecord(b) && b.type === 'text' && typeof b.text === 'string' ? { ...b, text: map(b.text) } : b;

/** Anthropic Messages: top-level `system`, content blocks, `tool_result` and text documents. */
export const anthropicMessages: FormatCodec = {
  id: 'anthropic-messages',
  errorStyle: 'anthropic',
  matchesRoute: (path) => routeEndsWith(path, '/messages'),
  matchesBody: (body) =>
    Array.isArray(body.messages) &&
    (body.system !== undefined ||
      body.anthropic_version !== undefined ||
      (typeof body.model === 'string' && body.model.startsWith('claude'))),
  schema,
  read(body) {
    const b = body as { system?: unknown; messages: Record<string, unknown>[] };
    const out: Message[] = [];
    readBlocks(out, 'system', b.system, ['system'], 'system');
    b.messages.forEach((m, i) => readBlocks(out, m.role as Role, m.content, ['messages', i, 'content'], 'text'));
    return out;
  },
  params(body) {
    const b = body as Record<string, unknown>;
    return { model: b.model, temperature: b.temperature, topP: b.top_p, maxTokens: b.max_tokens };
  },
  mapResponse(body, map) {
    if (!isRecord(body) || !Array.isArray(body.content)) return body;
    return { ...body, content: body.content.map((b: unknown) => mapBlock(b, map)) };
  },
  planStreamEvent(event, data) {
    if (!isRecord(data)) return null;
    const type = typeof data.type === 'string' ? data.type : event;
    const key = `block:${String(data.index ?? 0)}`;
    if (type === 'content_block_delta' && isRecord(data.delta) && data.delta.type === 'text_delta' && typeof data.delta.text === 'string') {
      const delta = data.delta;
      const plan: StreamEventPlan = {
        deltas: [{ key, text: delta.text as string }],
        ends: [],
        write: (texts) => ({ ...data, delta: { ...delta, text: texts[0] } }),
        synthesize: (_key, text) => ({ event, data: { ...data, delta: { ...delta, text } } }),
      };
      return plan;
    }
    if (type === 'content_block_start' && isRecord(data.content_block) && data.content_block.type === 'text' && typeof data.content_block.text === 'string') {
      const blockStart = data.content_block;
      return {
        deltas: [{ key, text: blockStart.text as string }],
        ends: [],
        write: (texts) => ({ ...data, content_block: { ...blockStart, text: texts[0] } }),
        synthesize: (_key, text) => ({
          event: 'content_block_delta',
          data: { type: 'content_block_delta', index: data.index ?? 0, delta: { type: 'text_delta', text } },
        }),
      };
    }
    if (type === 'content_block_stop') return { deltas: [], ends: [key], write: () => data };
    if (type === 'message_stop') return { deltas: [], ends: 'all', write: () => data };
    return null;
  },
};
