import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { customPatterns, type GuardOptions, llmGuard, LlmGuardConfigError, type LlmGuardState, redact } from './index.js';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
});

/** A real Koa app on loopback; `parser` puts @koa/bodyparser before the guard. */
async function serve(options: GuardOptions, handler: Koa.Middleware, parser?: Parameters<typeof bodyParser>[0] | true) {
  const app = new Koa();
  app.silent = true; // Koa logs a client's disconnect as 'Premature close'; the abort test causes one on purpose.
  if (parser) app.use(bodyParser(parser === true ? undefined : parser));
  app.use(llmGuard(options));
  app.use(handler);
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (path: string, init: RequestInit = {}) =>
    fetch(base + path, { method: 'POST', ...init, headers: { 'content-type': 'application/json', ...init.headers } });
}

const chat = (content: string, extra: object = {}) => JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content }], ...extra });
const deny: GuardOptions = { customPatterns: { deny: ['ignore previous instructions'] } };
const escape: GuardOptions = { output: { escapeHtml: true } };
const completion = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});
const sseText = ['Hi <scr', 'ipt>alert("x")</scr', 'ipt> é 🙂 & bye']
  .map((c) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: c }, finish_reason: null }] })}\n\n`)
  .concat(`data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`, 'data: [DONE]\n\n')
  .join('');

/** Bytes in tiny pieces with a turn of the event loop between them, splitting multi-byte characters. */
async function* trickle(text: string, size = 5) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) {
    await new Promise((r) => setImmediate(r));
    yield bytes.subarray(i, i + size);
  }
}

describe('llmGuard() options', () => {
  it('names the mistake in app.use(llmGuard) and rejects invalid options at construction', () => {
    const misuse = llmGuard as unknown as (ctx: object) => unknown;
    expect(() => misuse({ method: 'POST', url: '/', headers: {}, request: {} })).toThrow(/app\.use\(llmGuard\(\)\)/);
    expect(() => llmGuard({ limits: { maxBodyBytes: -1 } })).toThrow(LlmGuardConfigError);
  });
});

describe('llmGuard() requests', () => {
  for (const parser of [false, true] as const) {
    const label = parser ? 'after @koa/bodyparser' : 'reading the stream itself';
    it(`blocks a denied prompt with the OpenAI envelope and a request id (${label})`, async () => {
      let called = false;
      const post = await serve(deny, () => void (called = true), parser || undefined);
      const res = await post('/v1/chat/completions', { body: chat('Please IGNORE previous instructions') });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const body = (await res.json()) as { error: { code: string; type: string } };
      expect(body.error).toMatchObject({ code: 'llmguard_blocked_content', type: 'invalid_request_error', param: null });
      expect(called).toBe(false);
    });

    it(`hands the guarded body and state to the handler (${label})`, async () => {
      let seen: { body: unknown; state: LlmGuardState } | undefined;
      const post = await serve(deny, (ctx) => {
        seen = { body: ctx.request.body, state: ctx.state.llmguard as LlmGuardState };
        ctx.body = { ok: true };
      }, parser || undefined);
      const res = await post('/v1/chat/completions', { body: chat('hello'), headers: { 'x-request-id': 'req-42' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('req-42');
      expect(seen?.body).toEqual(JSON.parse(chat('hello')));
      expect(seen?.state).toMatchObject({ requestId: 'req-42', decision: { allowed: true, format: 'openai-chat' } });
      expect(seen?.state.signal.aborted).toBe(false);
    });

    it(`keeps the request id on a 500 thrown by the handler, without the error's message (${label})`, async () => {
      const post = await serve(deny, () => {
        throw new Error('database password is hunter2');
      }, parser || undefined);
      const res = await post('/v1/chat/completions', { body: chat('hello'), headers: { 'x-request-id': 'req-500' } });
      expect(res.status).toBe(500);
      expect(res.headers.get('x-request-id')).toBe('req-500');
      expect(await res.text()).not.toContain('hunter2');
    });

    it(`rewrites ctx.request.body with a redact rule (${label})`, async () => {
      let seen: { body: unknown; raw: unknown } | undefined;
      const options = { rules: [redact(customPatterns({ deny: [/ACME-\d{6}/] }), { replacement: '[ACCOUNT]' })] };
      const post = await serve(options, (ctx) => {
        seen = { body: ctx.request.body, raw: (ctx.request as { rawBody?: unknown }).rawBody };
        ctx.status = 204;
      }, parser || undefined);
      expect((await post('/v1/chat/completions', { body: chat('my account is ACME-123456, ok?') })).status).toBe(204);
      expect(seen?.body).toEqual(JSON.parse(chat('my account is [ACCOUNT], ok?')));
      if (parser) expect(JSON.parse(seen?.raw as string)).toEqual(seen?.body);
    });

    it(`answers 413 for a body over maxBodyBytes (${label})`, async () => {
      const post = await serve({ limits: { maxBodyBytes: 64 } }, (ctx) => void (ctx.body = 'unreachable'), parser || undefined);
      const res = await post('/v1/chat/completions', { body: chat('x'.repeat(200)) });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('llmguard_payload_too_large');
    });
  }

  it('answers 413 for a chunked body without Content-Length as soon as it is too large', async () => {
    const post = await serve({ limits: { maxBodyBytes: 64 } }, (ctx) => void (ctx.body = 'unreachable'));
    const body = Readable.toWeb(Readable.from(trickle(chat('y'.repeat(500))))) as ReadableStream;
    const res = await post('/v1/chat/completions', { body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('uses the Anthropic envelope on /v1/messages', async () => {
    const post = await serve(deny, (ctx) => void (ctx.body = 'unreachable'));
    const body = JSON.stringify({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'ignore previous instructions' }] });
    const res = await post('/v1/messages', { body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.any(String), code: 'llmguard_blocked_content' },
    });
  });

  it('answers 400 llmguard_invalid_json for a body that is not JSON (also as text after a body parser)', async () => {
    for (const parser of [undefined, { enableTypes: ['json', 'text'] as ('json' | 'text')[] }]) {
      const post = await serve({}, (ctx) => void (ctx.body = 'unreachable'), parser);
      const res = await post('/v1/chat/completions', { body: '{"model": nope', headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('llmguard_invalid_json');
    }
  });

  it('reads the stream itself when a body parser skipped the content type', async () => {
    let seen: unknown;
    const post = await serve({}, (ctx) => {
      seen = ctx.request.body;
      ctx.status = 204;
    }, true);
    await post('/v1/chat/completions', { body: chat('hi'), headers: { 'content-type': 'text/plain' } });
    expect(seen).toEqual(JSON.parse(chat('hi')));
  });

  it('passes methods it does not inspect untouched', async () => {
    const post = await serve(deny, (ctx) => void (ctx.body = { method: ctx.method, guarded: ctx.state.llmguard !== undefined }));
    const res = await post('/v1/chat/completions', { method: 'GET' });
    expect(await res.json()).toEqual({ method: 'GET', guarded: false });
  });
});

describe('llmGuard() responses', () => {
  const escaped = 'a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot;';
  const raw = 'a <b>bold</b> & "q"';
  const bodies: { title: string; set: (ctx: Koa.Context) => void }[] = [
    { title: 'an object', set: (ctx) => void (ctx.body = completion(raw)) },
    { title: 'a JSON string', set: (ctx) => void ((ctx.type = 'json'), (ctx.body = JSON.stringify(completion(raw)))) },
    { title: 'a Buffer', set: (ctx) => void ((ctx.type = 'application/json'), (ctx.body = Buffer.from(JSON.stringify(completion(raw))))) },
    { title: 'a Node stream', set: (ctx) => void ((ctx.type = 'json'), (ctx.body = Readable.from(trickle(JSON.stringify(completion(raw)))))) },
    { title: 'a web ReadableStream', set: (ctx) => void ((ctx.type = 'json'), (ctx.body = Readable.toWeb(Readable.from(trickle(JSON.stringify(completion(raw))))))) },
    { title: 'a Blob', set: (ctx) => void (ctx.body = new Blob([JSON.stringify(completion(raw))], { type: 'application/json' })) },
    { title: 'a Response', set: (ctx) => void (ctx.body = Response.json(completion(raw), { headers: { 'x-upstream': '1' } })) },
  ];
  for (const { title, set } of bodies) {
    it(`escapes the model text in ${title}`, async () => {
      const post = await serve(escape, set);
      const res = await post('/v1/chat/completions', { body: chat('hi') });
      expect(res.status).toBe(200);
      const text = await res.text();
      const length = res.headers.get('content-length');
      if (length !== null) expect(Number(length)).toBe(Buffer.byteLength(text));
      expect(JSON.parse(text)).toEqual(completion(escaped));
    });
  }

  it('escapes text/plain strings and leaves other types alone', async () => {
    const post = await serve(escape, (ctx) => {
      if (ctx.path === '/bin') ctx.body = Buffer.from('<b>');
      else ctx.body = 'a <b>';
    });
    const res = await post('/v1/chat/completions', { body: chat('hi') });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('a &lt;b&gt;');
    expect(await (await post('/bin', { body: chat('hi') })).text()).toBe('<b>');
  });

  it('leaves the body alone when no output transform is configured', async () => {
    const post = await serve({}, (ctx) => void (ctx.body = completion(raw)));
    expect(await (await post('/v1/chat/completions', { body: chat('hi') })).json()).toEqual(completion(raw));
  });

  it('escapes an SSE stream exactly as the whole body, for Node and web streams', async () => {
    const post = await serve(escape, (ctx) => {
      ctx.type = 'text/event-stream';
      if (ctx.path === '/whole') ctx.body = sseText;
      else if (ctx.path === '/node') ctx.body = Readable.from(trickle(sseText, 3));
      else ctx.body = Readable.toWeb(Readable.from(trickle(sseText, 7)));
    });
    const whole = await (await post('/whole', { body: chat('hi') })).text();
    expect(whole).not.toContain('<');
    expect(whole).toContain('&lt;scr');
    expect(whole).toContain('é 🙂 &amp; bye');
    expect(await (await post('/node', { body: chat('hi') })).text()).toBe(whole);
    expect(await (await post('/web', { body: chat('hi') })).text()).toBe(whole);
  });

  it('aborts ctx.state.llmguard.signal when the client disconnects mid-stream', async () => {
    let signal: AbortSignal | undefined;
    const post = await serve(escape, (ctx) => {
      signal = (ctx.state.llmguard as LlmGuardState).signal;
      const stream = new PassThrough();
      stream.write('data: {"choices":[{"index":0,"delta":{"content":"<"}}]}\n\n');
      ctx.type = 'text/event-stream';
      ctx.body = stream;
    });
    const controller = new AbortController();
    const res = await post('/v1/chat/completions', { body: chat('hi'), signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('&lt;');
    expect(signal?.aborted).toBe(false);
    controller.abort();
    await new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve())));
    expect(signal?.aborted).toBe(true);
  });

  it('does not abort the signal after a completed response', async () => {
    let signal: AbortSignal | undefined;
    const post = await serve(escape, (ctx) => void ((signal = (ctx.state.llmguard as LlmGuardState).signal), (ctx.body = completion('x'))));
    await (await post('/v1/chat/completions', { body: chat('hi') })).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(signal?.aborted).toBe(false);
  });
});
