import { z } from 'zod';
import type { Message, Role } from '../types.js';
import { isRecord, routeEndsWith } from './body-path.js';
import type { FormatCodec, ResponseText, StreamEventPlan } from './codec.js';

// https://platform.openai.com/docs/api-reference/chat/create
const contentPart = z.looseObject({ type: z.string() }).refine((p) => p.type !== 'text' || typeof p.text === 'string', {
  message: 'a text content part needs a string `text`',
});

const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
});

const schema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  max_tokens: z.number().int().nullish(),
  max_completion_tokens: z.number().int().nullish(),
  n: z.number().int().min(1).nullish(),
});

function roleOf(role: unknown): Role {
  return role === 'function' ? 'tool' : (role as Role);
}

/** OpenAI Chat Completions: `messages[].content` as a string or content parts; `tool` messages. */
export const openaiChat: FormatCodec = {
  id: 'openai-chat',
  errorStyle: 'openai',
  matchesRoute: (path) => routeEndsWith(path, '/chat/completions'),
  matchesBody: (body) => Array.isArray(body.messages),
  schema,
  read(body) {
    const out: Message[] = [];
    const messages = (body as { messages: Record<string, unknown>[] }).messages;
    messages.forEach((m, i) => {
      const role = roleOf(m.role);
      const source = role === 'tool' ? 'tool_result' : role === 'system' || role === 'developer' ? 'system' : 'text';
      if (typeof m.content === 'string') {
        out.push({ role, text: m.content, path: ['messages', i, 'content'], source });
      } else if (Array.isArray(m.content)) {
        m.content.forEach((part: Record<string, unknown>, j) => {
          if (part.type === 'text' && typeof part.text === 'string') {
            out.push({ role, text: part.text, path: ['messages', i, 'content', j, 'text'], source });
          }
        });
      }
    });
    return out;
  },
  params(body) {
    const b = body as Record<string, unknown>;
    return { model: b.model, temperature: b.temperature, topP: b.top_p, maxTokens: b.max_completion_tokens ?? b.max_tokens };
  },
  mapResponse(body, map) {
    if (!isRecord(body) || !Array.isArray(body.choices)) return body;
    return {
      ...body,
      choices: body.choices.map((c: unknown) =>
        isRecord(c) && isRecord(c.message) && typeof c.message.content === 'string'
          ? { ...c, message: { ...c.message, content: map(c.message.content) } }
          : c,
      ),
    };
  },
  planStreamEvent(_event, data) {
    if (data === '[DONE]') return { deltas: [], ends: 'all', write: () => data };
    if (!isRecord(data) || !Array.isArray(data.choices)) return null;
    const choices = data.choices as unknown[];
    const deltas: ResponseText[] = [];
    const ends: string[] = [];
    const slots: number[] = [];
    choices.forEach((c, i) => {
      if (!isRecord(c)) return;
      const key = `choice:${String(c.index ?? i)}`;
      if (isRecord(c.delta) && typeof c.delta.content === 'string') {
        deltas.push({ key, text: c.delta.content });
        slots.push(i);
      }
      if (c.finish_reason !== null && c.finish_reason !== undefined) ends.push(key);
    });
    if (deltas.length === 0 && ends.length === 0) return null;
    const plan: StreamEventPlan = {
      deltas,
      ends,
      write(texts) {
        const next = choices.slice();
        slots.forEach((slot, k) => {
          const c = next[slot] as Record<string, unknown>;
          next[slot] = { ...c, delta: { ...(c.delta as object), content: texts[k] } };
        });
        return { ...data, choices: next };
      },
      synthesize(key, text) {
        const index = Number(key.slice('choice:'.length));
        return {
          event: undefined,
          data: { ...data, choices: [{ index, delta: { content: text }, finish_reason: null }] },
        };
      },
    };
    return plan;
  },
};
