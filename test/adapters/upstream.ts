/**
 * The model behind every adapter in the contract suite: a pure function from the guarded request
 * body to a response (JSON or SSE chunks), so Express, Koa and Next serve byte-identical answers
 * and any difference comes from the adapter.
 */
export interface UpstreamAnswer {
  status: number;
  contentType: string;
  chunks: string[];
}

type Body = Record<string, any>;

function lastUserText(body: Body): string {
  if (typeof body.input === 'string') return body.input;
  const messages: Body[] = Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : [];
  const user = [...messages].reverse().find((m) => m.role === 'user');
  if (!user) return '';
  if (typeof user.content === 'string') return user.content;
  return (user.content as Body[]).filter((p) => typeof p.text === 'string').map((p) => p.text).join('');
}

const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** Split into small pieces so streams really arrive in many chunks. */
function pieces(text: string, size = 3): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** What the model says: the text it received, prefixed, so escaping and redaction are visible. */
export function answer(path: string, body: Body): UpstreamAnswer {
  const text = `You said: ${lastUserText(body)}`;
  const stream = body.stream === true;
  if (path.endsWith('/messages')) {
    if (!stream) return json({ id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text }], stop_reason: 'end_turn' });
    return events([
      sse({ type: 'message_start', message: { id: 'msg_1', content: [] } }, 'message_start'),
      sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
      ...pieces(text).map((t) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } }, 'content_block_delta')),
      sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
      sse({ type: 'message_stop' }, 'message_stop'),
    ]);
  }
  if (path.endsWith('/responses')) {
    if (!stream) return json({ id: 'resp_1', object: 'response', output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }] });
    return events([
      ...pieces(text).map((t) => sse({ type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: t }, 'response.output_text.delta')),
      sse({ type: 'response.output_text.done', output_index: 0, content_index: 0, text }, 'response.output_text.done'),
    ]);
  }
  if (!stream) {
    return json({ id: 'chatcmpl-1', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] });
  }
  const chunk = (delta: Body, finish: string | null) => ({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] });
  return events([sse(chunk({ role: 'assistant', content: '' }, null)), ...pieces(text).map((t) => sse(chunk({ content: t }, null))), sse(chunk({}, 'stop')), sse('[DONE]')]);
}

function json(value: unknown): UpstreamAnswer {
  return { status: 200, contentType: 'application/json; charset=utf-8', chunks: [JSON.stringify(value)] };
}

function events(chunks: string[]): UpstreamAnswer {
  return { status: 200, contentType: 'text/event-stream; charset=utf-8', chunks };
}
