/**
 * A deterministic stand-in for an OpenAI-compatible model: it echoes the last user message it
 * received (after the guard), so the demo shows exactly what reached the "model".
 * Pure functions, shared by the Express, Koa and Next examples and by the tests.
 */

interface ChatBody {
  model?: unknown;
  messages?: unknown;
}

/** The text of the last `user` message: a string, or its `text` parts joined. */
export function lastUserText(body: unknown): string {
  const messages = (body as ChatBody | null)?.messages;
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: unknown; content?: unknown } | null;
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      return m.content
        .map((p: { type?: unknown; text?: unknown } | null) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : ''))
        .join('');
    }
    return '';
  }
  return '';
}

function modelOf(body: unknown): string {
  const model = (body as ChatBody | null)?.model;
  return typeof model === 'string' ? model : 'mock';
}

/**
 * A `chat.completion` answer echoing the last user message.
 * @example
 * mockCompletion({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).choices[0].message.content // 'hi'
 */
export function mockCompletion(body: unknown): object {
  return {
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: 0,
    model: modelOf(body),
    choices: [{ index: 0, message: { role: 'assistant', content: lastUserText(body) }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

/**
 * The same answer as server-sent events, like OpenAI's: a role chunk, `chat.completion.chunk`
 * events of `chunkSize` characters, a finish chunk, then `data: [DONE]`. Each string is one event.
 * @example
 * mockStreamEvents({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).at(-1) // 'data: [DONE]\n\n'
 */
export function mockStreamEvents(body: unknown, chunkSize = 6): string[] {
  const model = modelOf(body);
  const size = Math.max(1, Math.floor(chunkSize));
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
  // Split by code points so a chunk never ends inside a surrogate pair.
  const chars = Array.from(lastUserText(body));
  const events = [chunk({ role: 'assistant', content: '' }, null)];
  for (let at = 0; at < chars.length; at += size) events.push(chunk({ content: chars.slice(at, at + size).join('') }, null));
  events.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
  return events;
}
