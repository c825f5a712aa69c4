import { z } from 'zod';
import type { Message, Role } from '../types.js';
import { isRecord, routeEndsWith } from './body-path.js';
import type { FormatCodec, StreamEventPlan } from './codec.js';

// https://platform.openai.com/docs/api-reference/responses/create
const part = z.looseObject({ type: z.string() });
const item = z.looseObject({
  type: z.string().optional(),
  role: z.enum(['system', 'developer', 'user', 'assistant']).optional(),
  content: z.union([z.string(), z.array(part)]).optional(),
});
const schema = z.looseObject({
  model: z.string().min(1).optional(),
  input: z.union([z.string(), z.array(item)]),
  instructions: z.string().nullish(),
  stream: z.boolean().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  max_output_tokens: z.number().int().nullish(),
});

const TEXT_PARTS = new Set(['input_text', 'output_text', 'text']);

function readContent(out: Message[], role: Role, content: unknown, base: (string | number)[], source: Message['source']) {
  if (typeof content === 'string') {
    out.push({ role, text: content, path: base, source });
  } else if (Array.isArray(content)) {
    content.forEach((p: unknown, j) => {
      if (isRecord(p) && TEXT_PARTS.has(p.type as string) && typeof p.text === 'string') {
        out.push({ role, text: p.text, path: [...base, j, 'text'], source });
      }
    });
  }
}

/** Output text of a whole Responses object (`output[].content[]` of type `output_text`). */
function mapResponseObject(body: Record<string, unknown>, map: (text: string) => string): Record<string, unknown> {
  const next: Record<string, unknown> = { ...body };
  if (Array.isArray(body.output)) next.output = body.output.map((o: unknown) => mapOutputItem(o, map));
  if (typeof body.output_text === 'string') next.output_text = map(body.output_text);
  return next;
}

function mapOutputItem(o: unknown, map: (text: string) => string): unknown {
  if (!isRecord(o) || !Array.isArray(o.content)) return o;
  return { ...o, content: o.content.map((p: unknown) => mapPart(p, map)) };
}

function mapPart(p: unknown, map: (text: string) => string): unknown {
  return isRecord(p) && p.type === 'output_text' && typeof p.text === 'string' ? { ...p, text: map(p.text) } : p;
}

const keyOf = (d: Record<string, unknown>) => `${String(d.output_index ?? 0)}:${String(d.content_index ?? 0)}`;

/** OpenAI Responses: `input` as a string or items, `instructions`, `function_call_output` items. */
export const openaiResponses: FormatCodec = {
  id: 'openai-responses',
  errorStyle: 'openai',
  matchesRoute: (path) => routeEndsWith(path, '/responses'),
  matchesBody: (body) => body.input !== undefined && (body.model !== undefined || Array.isArray(body.input) || body.instructions !== undefined),
  schema,
  read(body) {
    const b = body as Record<string, unknown>;
    const out: Message[] = [];
    if (typeof b.instructions === 'string') out.push({ role: 'system', text: b.instructions, path: ['instructions'], source: 'system' });
    if (typeof b.input === 'string') {
      out.push({ role: 'user', text: b.input, path: ['input'], source: 'text' });
      return out;
    }
    (b.input as Record<string, unknown>[]).forEach((it, i) => {
      if (it.type === 'function_call_output' || it.type === 'custom_tool_call_output') {
        readContent(out, 'tool', it.output, ['input', i, 'output'], 'tool_result');
      } else if (it.role !== undefined && (it.type === undefined || it.type === 'message')) {
        const role = it.role as Role;
        readContent(out, role, it.content, ['input', i, 'content'], role === 'system' || role === 'developer' ? 'system' : 'text');
      }
    });
    return out;
  },
  params(body) {
    const b = body as Record<string, unknown>;
    return { model: b.model, temperature: b.temperature, topP: b.top_p, maxTokens: b.max_output_tokens };
  },
  mapResponse(body, map) {
    return isRecord(body) ? mapResponseObject(body, map) : body;
  },
  planStreamEvent(event, data) {
    if (!isRecord(data)) return null;
    const type = typeof data.type === 'string' ? data.type : event;
    switch (type) {
      case 'response.output_text.delta': {
        if (typeof data.delta !== 'string') return null;
        const plan: StreamEventPlan = {
          deltas: [{ key: keyOf(data), text: data.delta }],
          ends: [],
          write: (texts) => ({ ...data, delta: texts[0] }),
          synthesize: (_key, text) => ({ event, data: { ...data, delta: text } }),
        };
        return plan;
      }
      case 'response.output_text.done':
        return {
          deltas: [],
          ends: [keyOf(data)],
          write: (_t, mapWhole) => (typeof data.text === 'string' ? { ...data, text: mapWhole(data.text) } : data),
        };
      case 'response.content_part.done':
      case 'response.content_part.added':
        return { deltas: [], ends: [], write: (_t, mapWhole) => ({ ...data, part: mapPart(data.part, mapWhole) }) };
      case 'response.output_item.done':
      case 'response.output_item.added':
        return { deltas: [], ends: [], write: (_t, mapWhole) => ({ ...data, item: mapOutputItem(data.item, mapWhole) }) };
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        return {
          deltas: [],
          ends: 'all',
          write: (_t, mapWhole) => (isRecord(data.response) ? { ...data, response: mapResponseObject(data.response, mapWhole) } : data),
        };
      default:
        return null;
    }
  },
};
