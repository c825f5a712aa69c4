import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Readable } from 'node:stream';
import bodyParser from '@koa/bodyparser';
import type { GuardOptions } from '@llmguard/core';
import { llmGuard as expressGuard } from '@llmguard/express';
import { llmGuard as koaGuard } from '@llmguard/koa';
import { withLlmGuard } from '@llmguard/next';
import express from 'express';
import Koa from 'koa';
import { answer } from './upstream.js';

/** A guarded endpoint under test: send a fetch-style request, get a fetch Response. */
export interface Target {
  name: string;
  fetch(path: string, init: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

async function listen(server: Server, name: string): Promise<Target> {
  await once(server.listen(0, '127.0.0.1'), 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    name,
    fetch: (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Express with `app.use('/v1', llmGuard())`, with or without `express.json()` before it. */
export function expressTarget(options: GuardOptions, { jsonParser }: { jsonParser: boolean }): Promise<Target> {
  const app = express();
  if (jsonParser) app.use(express.json({ limit: '10mb' }));
  app.use('/v1', expressGuard(options));
  app.get('/v1/models', (_req, res) => {
    res.json({ data: [{ id: 'm' }] });
  });
  app.post('/v1/*path', (req, res) => {
    const a = answer(req.originalUrl, req.body);
    res.status(a.status).type(a.contentType);
    if (a.contentType.startsWith('text/event-stream')) {
      res.flushHeaders();
      for (const c of a.chunks) res.write(c);
      res.end();
    } else {
      res.send(a.chunks.join(''));
    }
  });
  return listen(app.listen(0, '127.0.0.1'), `express${jsonParser ? ' + express.json()' : ''}`);
}

/** Koa with `app.use(llmGuard())`, with or without a body parser before it; SSE as a Node stream. */
export function koaTarget(options: GuardOptions, { parser }: { parser: boolean }): Promise<Target> {
  const app = new Koa();
  // Koa logs every error it answers; the malformed-JSON case is expected here.
  app.silent = true;
  if (parser) app.use(bodyParser());
  app.use(koaGuard(options));
  app.use(async (ctx) => {
    if (ctx.method === 'GET' && ctx.path === '/v1/models') {
      ctx.body = { data: [{ id: 'm' }] };
      return;
    }
    const a = answer(ctx.path, ctx.request.body as Record<string, unknown>);
    ctx.status = a.status;
    ctx.type = a.contentType;
    ctx.body = a.contentType.startsWith('text/event-stream') ? Readable.from(a.chunks) : a.chunks.join('');
  });
  return listen(app.listen(0, '127.0.0.1'), `koa${parser ? ' + bodyparser' : ''}`);
}

/** The Next.js route handler shape, called with web Requests (what Next does per request). */
export async function nextTarget(options: GuardOptions): Promise<Target> {
  const handler = async (req: Request) => {
    if (req.method === 'GET') return Response.json({ data: [{ id: 'm' }] });
    const a = answer(new URL(req.url).pathname, (await req.json()) as Record<string, unknown>);
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of a.chunks) c.enqueue(enc.encode(chunk));
        c.close();
      },
    });
    return new Response(body, { status: a.status, headers: { 'content-type': a.contentType } });
  };
  const POST = withLlmGuard(handler, options);
  const GET = withLlmGuard(handler, options);
  return {
    name: 'next route handler',
    fetch: (path, init) => {
      const req = new Request(`http://localhost${path}`, init);
      return (req.method === 'GET' ? GET : POST)(req);
    },
    close: async () => {},
  };
}
