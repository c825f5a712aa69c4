import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { RequestHandler } from 'express';

/** Where the guarded requests go when a real model is configured. */
export interface UpstreamOptions {
  /** Base URL of an OpenAI-compatible API, e.g. `https://api.openai.com/v1`. */
  url: string;
  apiKey?: string;
}

/**
 * Forward the guarded body to `${url}/chat/completions` and pipe the answer back (JSON or SSE),
 * so the guard's output filter sees it. The upstream call is aborted when the client goes away.
 * @example
 * app.post('/v1/chat/completions', upstream({ url: 'http://127.0.0.1:11434/v1' }));
 */
export function upstream(options: UpstreamOptions): RequestHandler {
  const endpoint = `${options.url.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  return async function upstreamHandler(req, res) {
    const signal = res.locals.llmguard?.signal;
    let answer: Response;
    try {
      answer = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(req.body), signal });
    } catch {
      if (signal?.aborted) return;
      res.status(502).json({ error: { message: 'The upstream model could not be reached.', type: 'server_error', code: 'upstream_unreachable', param: null } });
      return;
    }
    res.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type !== null) res.setHeader('content-type', type);
    if (answer.body === null) return void res.end();
    if (type?.startsWith('text/event-stream')) res.flushHeaders();
    try {
      await pipeline(Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>), res);
    } catch {
      // The client left or the upstream broke off mid-answer: pipeline has already closed the response.
    }
  };
}
