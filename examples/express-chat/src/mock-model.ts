import { mockCompletion, mockStreamEvents } from '@llmguard/example-mock-llm';
import type { Request, RequestHandler, Response } from 'express';

/** Options of the mock model. */
export interface MockModelOptions {
  /** Characters per streamed delta (default 6). */
  chunkSize?: number;
}

/**
 * A deterministic stand-in for a model: answers with the last user message it received, as an
 * OpenAI `chat.completion`, or with `stream: true` as `chat.completion.chunk` server-sent events
 * written one by one, so the guard sees a real stream.
 * @example
 * app.post('/v1/chat/completions', express.json(), mockModel({ chunkSize: 4 }));
 */
export function mockModel(options: MockModelOptions = {}): RequestHandler {
  return function mockModelHandler(req: Request, res: Response) {
    const body: unknown = req.body;
    if ((body as { stream?: unknown } | undefined)?.stream !== true) {
      res.json(mockCompletion(body));
      return;
    }
    res.status(200).setHeader('content-type', 'text/event-stream');
    res.setHeader('cache-control', 'no-cache');
    res.flushHeaders();
    for (const event of mockStreamEvents(body, options.chunkSize)) res.write(event);
    res.end();
  };
}
