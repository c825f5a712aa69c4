import { describe, expect, it } from 'vitest';
import { createGuard } from '../guard.js';
import { inspectRequest, type HttpInspection, type HttpRequestInput } from './inspect-request.js';

const guard = createGuard({ limits: { maxBodyBytes: 200 }, customPatterns: { deny: ['blocked words'] }, output: { escapeHtml: true } });
const text = (t: string) => ({ type: 'text', text: t }) as const;
const post = (url: string, body: HttpRequestInput['body'], headers: Record<string, string> = {}): HttpRequestInput => ({ method: 'POST', url, headers, body });

async function respond(input: HttpRequestInput) {
  const r: HttpInspection = await inspectRequest(guard, input);
  if (r.type !== 'respond') throw new Error(`expected respond, got ${r.type}`);
  return { ...r, json: JSON.parse(r.body) as Record<string, any> };
}

async function* chunks(parts: (string | Uint8Array)[]) {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : p;
}

describe('inspectRequest', () => {
  it('passes methods the guard does not inspect without reading the body', async () => {
    const body = { type: 'stream', stream: { [Symbol.asyncIterator]: () => { throw new Error('read'); } } } as const;
    expect(await inspectRequest(guard, { method: 'GET', url: '/v1/models', headers: {}, body })).toEqual({ type: 'pass' });
  });

  it('answers an OpenAI route in the OpenAI envelope', async () => {
    const r = await respond(post('/v1/chat/completions', text('{"model":"m","messages":[{"role":"user","content":"say blocked words"}]}')));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: { message: 'The request was blocked by a content rule.', type: 'invalid_request_error', code: 'llmguard_blocked_content', param: null } });
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an Anthropic route in the Anthropic envelope, even for unreadable JSON', async () => {
    const r = await respond(post('/v1/messages', text('{nope')));
    expect(r.json).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'The request body is not valid JSON.', code: 'llmguard_invalid_json' } });
  });

  it.each([
    { title: 'declared Content-Length over the limit', input: post('/v1/chat/completions', text('{}'), { 'content-length': '5000' }) },
    { title: 'a chunked body that grows over the limit', input: post('/v1/chat/completions', { type: 'stream', stream: chunks(['{"a":"', 'x'.repeat(150), 'x'.repeat(150), '"}']) }) },
    { title: 'bytes over the limit', input: post('/v1/chat/completions', { type: 'bytes', bytes: new Uint8Array(201) }) },
  ])('answers 413 for $title', async ({ input }) => {
    const r = await respond(input);
    expect([r.status, r.json.error.code]).toEqual([413, 'llmguard_payload_too_large']);
  });

  it.each([
    { title: 'invalid UTF-8', body: { type: 'bytes', bytes: new Uint8Array([0x7b, 0xff, 0x7d]) }, code: 'llmguard_invalid_encoding' },
    { title: 'an empty body', body: text('   '), code: 'llmguard_invalid_json' },
    { title: 'no body', body: { type: 'none' }, code: 'llmguard_invalid_json' },
    { title: 'truncated JSON', body: text('{"model":"m","messages":['), code: 'llmguard_invalid_json' },
    { title: 'a JSON string instead of an object', body: text('"hello"'), code: 'llmguard_invalid_request' },
  ] as const)('answers 400 for $title', async ({ body, code }) => {
    const r = await respond(post('/v1/chat/completions', body));
    expect([r.status, r.json.error.code]).toEqual([400, code]);
  });

  it('reuses a well-formed incoming request id and replaces a hostile one', async () => {
    const bad = text('{');
    expect((await respond(post('/v1/chat/completions', bad, { 'x-request-id': 'abc-123' }))).requestId).toBe('abc-123');
    expect((await respond(post('/v1/chat/completions', bad, { 'x-request-id': 'a\r\nSet-Cookie: x' }))).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('forwards the original bytes when nothing changed, and guarded JSON when something did', async () => {
    const raw = '{ "model": "m",\n  "messages": [{"role":"user","content":"hi"}] }';
    const r = await inspectRequest(guard, post('/v1/chat/completions', { type: 'stream', stream: chunks([raw.slice(0, 10), raw.slice(10)]) }));
    expect(r.type === 'forward' && r.bodyText).toBe(raw);
    const changed = await inspectRequest(guard, post('/v1/chat/completions', text('{"model":"m","messages":[{"role":"user","content":"h\\u200bi"}]}')));
    expect(changed.type === 'forward' && changed.bodyText).toBe('{"model":"m","messages":[{"role":"user","content":"hi"}]}');
  });

  it('accepts a body another parser already produced', async () => {
    const r = await inspectRequest(guard, post('/v1/chat/completions', { type: 'parsed', value: { model: 'm', messages: [{ role: 'user', content: 'blocked words' }] } }));
    expect(r.type === 'respond' && r.status).toBe(400);
  });

  it('gives the forward a response filter that escapes the model text and an abort signal', async () => {
    const r = await inspectRequest(guard, post('/v1/chat/completions', text('{"model":"m","messages":[{"role":"user","content":"hi"}]}')));
    if (r.type !== 'forward') throw new Error(r.type);
    expect(r.response.active).toBe(true);
    expect(r.response.whole('json', '{"choices":[{"index":0,"message":{"content":"<b>"}}]}')).toBe('{"choices":[{"index":0,"message":{"content":"&lt;b&gt;"}}]}');
    expect(r.response.whole('none', '<b>')).toBe('<b>');
    expect(r.response.whole('json', 'not json <b>')).toBe('not json <b>');
    expect(r.response.signal.aborted).toBe(false);
    r.response.abort();
    expect(r.response.signal.aborted).toBe(true);
  });

  it('filters a fetch Response stream', async () => {
    const r = await inspectRequest(guard, post('/v1/chat/completions', text('{"model":"m","messages":[{"role":"user","content":"hi"}]}')));
    if (r.type !== 'forward') throw new Error(r.type);
    const body = new ReadableStream({
      start(c) {
        const enc = new TextEncoder();
        c.enqueue(enc.encode('data: {"choices":[{"index":0,"delta":{"content":"<scr"}}]}\n'));
        c.enqueue(enc.encode('\ndata: {"choices":[{"index":0,"delta":{"content":"ipt>"}}]}\n\ndata: [DONE]\n\n'));
        c.close();
      },
    });
    const res = await r.response.response(new Response(body, { headers: { 'content-type': 'text/event-stream', 'content-length': '999' } }));
    expect(res.headers.get('content-length')).toBeNull();
    expect(await res.text()).toBe(
      'data: {"choices":[{"index":0,"delta":{"content":"&lt;scr"}}]}\n\ndata: {"choices":[{"index":0,"delta":{"content":"ipt&gt;"}}]}\n\ndata: [DONE]\n\n',
    );
  });

  it('reads a web ReadableStream and cancels it when it grows over the limit', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode('x'.repeat(100)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const r = await respond(post('/v1/chat/completions', { type: 'stream', stream }));
    expect(r.status).toBe(413);
    expect(cancelled).toBe(true);
    const ok = new Response('{"model":"m","messages":[{"role":"user","content":"hi"}]}').body as ReadableStream<Uint8Array>;
    expect((await inspectRequest(guard, post('/v1/chat/completions', { type: 'stream', stream: ok }))).type).toBe('forward');
  });

  it('releases an async iterator it stops reading early', async () => {
    let returned = false;
    const iterable: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: false, value: new Uint8Array(150) }),
        return: async () => {
          returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    expect((await respond(post('/v1/chat/completions', { type: 'stream', stream: iterable }))).status).toBe(413);
    expect(returned).toBe(true);
  });

  it('explains a body consumed by another middleware, but treats a bodiless request as empty', async () => {
    const misuse = await respond(post('/v1/chat/completions', { type: 'consumed' }, { 'content-length': '40' }));
    expect(misuse.json.error.code).toBe('llmguard_invalid_request');
    expect(misuse.json.error.message).toMatch(/read by another middleware/);
    expect((await respond(post('/v1/chat/completions', { type: 'consumed' }))).json.error.code).toBe('llmguard_invalid_json');
  });

  it('filters a streamed JSON body once it is complete', async () => {
    const r = await inspectRequest(guard, post('/v1/chat/completions', text('{"model":"m","messages":[{"role":"user","content":"hi"}]}')));
    if (r.type !== 'forward') throw new Error(r.type);
    const s = r.response.stream('json');
    const whole = '{"choices":[{"index":0,"message":{"content":"<b>é</b>"}}]}';
    const bytes = new TextEncoder().encode(whole);
    expect(s.push(bytes.slice(0, 45)) + s.push(bytes.slice(45)) + s.end()).toBe(r.response.whole('json', whole));
    expect(r.response.whole('json', whole)).toContain('&lt;b&gt;é&lt;/b&gt;');
  });

  it('classifies responses by content type, and bodiless ones (HEAD, 204, 304) as none', async () => {
    const r = await inspectRequest(guard, post('/v1/chat/completions', text('{"model":"m","messages":[{"role":"user","content":"hi"}]}')));
    if (r.type !== 'forward') throw new Error(r.type);
    expect(r.response.kind('text/event-stream; charset=utf-8')).toBe('sse');
    expect(r.response.kind(['application/json'])).toBe('json');
    expect(r.response.kind('application/problem+json', { method: 'POST', status: 400 })).toBe('json');
    expect(r.response.kind('text/html')).toBe('none');
    expect(r.response.kind('application/json', { method: 'HEAD', status: 200 })).toBe('none');
    expect(r.response.kind('application/json', { method: 'POST', status: 204 })).toBe('none');
    expect(r.response.kind('text/event-stream', { method: 'GET', status: 304 })).toBe('none');
  });
});
