import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuard } from '@llmguard/core';
import express, { type Express, type Request, type Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type GuardOptions, llmGuard } from './index.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function listen(app: Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ESCAPE: GuardOptions = { output: { escapeHtml: true } };
const XSS = '<img src=x onerror=alert(1)> & "quotes" ünïcödé ✓';
const chat = { model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] };
const post = (url: string, body: unknown = chat) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const completion = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-test',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});

/** An OpenAI chat SSE stream of `content`, one delta per `size` characters. */
function sseOf(content: string, size: number): string {
  let out = '';
  for (let i = 0; i < content.length; i += size) {
    const chunk = { id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: content.slice(i, i + size) }, finish_reason: null }] };
    out += `data: ${JSON.stringify(chunk)}\n\n`;
  }
  return `${out}data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
}

/** One app, one route, the guard in front. */
function appWith(options: GuardOptions, handler: (req: Request, res: Response) => void): Express {
  const app = express();
  app.use(llmGuard(options));
  app.post('/v1/chat/completions', handler);
  return app;
}

describe('interceptResponse', () => {
  it('escapes the model text in res.json() and fixes Content-Length', async () => {
    const url = await listen(appWith(ESCAPE, (_req, res) => res.json(completion(XSS))));
    const res = await post(`${url}/v1/chat/completions`);
    const text = await res.text();
    const json = JSON.parse(text) as ReturnType<typeof completion>;
    expect(json.choices[0]?.message.content).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; ünïcödé ✓');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(res.headers.get('etag')).toBeNull();
  });

  it('leaves res.json() alone without an output option', async () => {
    const url = await listen(appWith({}, (_req, res) => res.json(completion(XSS))));
    const json = (await (await post(`${url}/v1/chat/completions`)).json()) as ReturnType<typeof completion>;
    expect(json.choices[0]?.message.content).toBe(XSS);
  });

  it('filters JSON written in several Buffer chunks split inside a character', async () => {
    const bytes = Buffer.from(JSON.stringify(completion(XSS)));
    const url = await listen(
      appWith(ESCAPE, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('content-length', bytes.length);
        for (let i = 0; i < bytes.length; i += 7) res.write(bytes.subarray(i, i + 7));
        res.end();
      }),
    );
    const res = await post(`${url}/v1/chat/completions`);
    const text = await res.text();
    expect((JSON.parse(text) as ReturnType<typeof completion>).choices[0]?.message.content).toContain('&lt;img');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  });

  describe('SSE after res.flushHeaders()', () => {
    const raw = sseOf(XSS, 5);
    const expected = createGuard(ESCAPE).output('openai-chat').sse(raw);

    const table: { title: string; write: (res: Response, bytes: Buffer) => void }[] = [
      { title: 'string chunks', write: (res) => [...raw.matchAll(/[^]{1,9}/g)].forEach(([s]) => res.write(s)) },
      { title: 'Buffer chunks split inside characters', write: (res, b) => [0, 1, 2].forEach((i) => res.write(b.subarray((i * b.length) / 3, ((i + 1) * b.length) / 3))) },
      { title: 'base64 strings', write: (res, b) => res.write(b.toString('base64'), 'base64') },
      { title: 'everything in res.end()', write: (res) => res.write(raw.slice(0, 3)) },
    ];

    for (const { title, write } of table) {
      it(`escapes ${title} exactly like the whole-body filter`, async () => {
        const url = await listen(
          appWith(ESCAPE, (_req, res) => {
            res.setHeader('content-type', 'text/event-stream');
            res.flushHeaders();
            const bytes = Buffer.from(raw);
            write(res, bytes);
            if (title === 'everything in res.end()') res.end(raw.slice(3));
            else res.end();
          }),
        );
        const res = await post(`${url}/v1/chat/completions`);
        expect(res.headers.get('content-type')).toBe('text/event-stream');
        const body = await res.text();
        expect(body).toBe(expected);
        expect(body).toContain('&lt;img');
        expect(body).not.toContain('<img');
      });
    }

    it('sends each event as soon as it is complete', async () => {
      let sendRest: () => void = () => {};
      const url = await listen(
        appWith(ESCAPE, (_req, res) => {
          res.setHeader('content-type', 'text/event-stream');
          res.flushHeaders();
          const [first, ...rest] = raw.split('\n\n');
          res.write(`${first}\n\n`);
          sendRest = () => res.end(rest.join('\n\n'));
        }),
      );
      const res = await post(`${url}/v1/chat/completions`);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const { value } = await reader.read();
      expect(new TextDecoder().decode(value)).toBe(expected.split('\n\n')[0] + '\n\n');
      sendRest();
      while (!(await reader.read()).done);
    });
  });

  it('filters SSE sent with writeHead(status, headers) when no header was set before', async () => {
    const app = express();
    app.disable('x-powered-by');
    app.use(llmGuard({ ...ESCAPE, requestIdHeader: false }));
    app.post('/v1/chat/completions', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(sseOf(XSS, 4));
    });
    const url = await listen(app);
    const body = await (await post(`${url}/v1/chat/completions`)).text();
    expect(body).toContain('&lt;img');
    expect(body).not.toContain('<img');
  });

  it('escapes text/plain sent with res.send() and drops the stale Content-Length', async () => {
    const url = await listen(appWith(ESCAPE, (_req, res) => res.type('text/plain').send(XSS)));
    const res = await post(`${url}/v1/chat/completions`);
    const text = await res.text();
    expect(text).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; ünïcödé ✓');
  });

  it('passes other content types through untouched', async () => {
    const url = await listen(appWith(ESCAPE, (_req, res) => res.type('html').send('<b>page</b>')));
    const res = await post(`${url}/v1/chat/completions`);
    expect(await res.text()).toBe('<b>page</b>');
    expect(res.headers.get('content-length')).toBe('11');
  });

  it.each([204, 304])('leaves a %i answer without a body or a Content-Length', async (status) => {
    // The JSON type stays set, so only the status says there is no body to filter.
    const url = await listen(appWith(ESCAPE, (_req, res) => res.status(status).type('json').end()));
    const res = await post(`${url}/v1/chat/completions`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-length')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('keeps the write callback and the finish event working', async () => {
    const events: string[] = [];
    const url = await listen(
      appWith(ESCAPE, (_req, res) => {
        res.setHeader('content-type', 'text/event-stream');
        res.on('finish', () => events.push('finish'));
        // 'data: {' alone is held back (the event is not complete), yet the callback must run.
        res.write('data: {', () => {
          events.push('write');
          res.end('"a":1}\n\n', () => events.push('end'));
        });
      }),
    );
    const body = await (await post(`${url}/v1/chat/completions`)).text();
    expect(body).toBe('data: {"a":1}\n\n');
    await new Promise((r) => setTimeout(r, 20));
    // Node 20 runs the end callback after 'finish', Node 24 before it: only the set and the first matter.
    expect(events[0]).toBe('write');
    expect([...events].sort()).toEqual(['end', 'finish', 'write']);
  });

  it('aborts res.locals.llmguard.signal when the client disconnects mid-stream', async () => {
    let resolveAborted: (reason: unknown) => void = () => {};
    const aborted = new Promise((r) => (resolveAborted = r));
    let timer: NodeJS.Timeout | undefined;
    const url = await listen(
      appWith(ESCAPE, (_req, res) => {
        const signal = res.locals.llmguard?.signal as AbortSignal;
        signal.addEventListener('abort', () => {
          clearInterval(timer);
          resolveAborted('aborted');
        });
        res.setHeader('content-type', 'text/event-stream');
        res.flushHeaders();
        timer = setInterval(() => res.write(sseOf('tick', 4).split('\n\n')[0] + '\n\n'), 5);
      }),
    );
    const client = new AbortController();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chat), signal: client.signal });
    await (res.body as ReadableStream<Uint8Array>).getReader().read();
    client.abort();
    const outcome = await Promise.race([aborted, new Promise((r) => setTimeout(() => r('timeout'), 2_000))]);
    clearInterval(timer);
    expect(outcome).toBe('aborted');
  });

  it('does not abort the signal after a completed response', async () => {
    let signal: AbortSignal | undefined;
    const url = await listen(
      appWith(ESCAPE, (_req, res) => {
        signal = res.locals.llmguard?.signal;
        res.json(completion('ok'));
      }),
    );
    await (await post(`${url}/v1/chat/completions`)).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(signal?.aborted).toBe(false);
  });
});
