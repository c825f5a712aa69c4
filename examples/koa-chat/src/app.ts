import { Readable } from 'node:stream';
import { bodyParser } from '@koa/bodyparser';
import { type GuardOptions, llmGuard, type LlmGuardState } from '@llmguard/koa';
import Koa from 'koa';
import { mockCompletion, mockStreamEvents } from '@llmguard/example-mock-llm';

export const CHAT_PATH = '/v1/chat/completions';

/** The demo's guard: a deny-list rule on the way in, HTML escaping on the way out. */
export const guardOptions: GuardOptions = {
  customPatterns: { deny: ['ignore previous instructions'] },
  output: { escapeHtml: true },
};

/**
 * The Koa demo app: `POST /v1/chat/completions` answered by the mock model, guarded unless
 * `guard: false` (to compare what the model would see without llmguard).
 * @example
 * createApp().listen(3001, '127.0.0.1');
 */
export function createApp(options: { guard?: boolean } = {}): Koa {
  const app = new Koa();
  const guard = options.guard === false ? undefined : llmGuard(guardOptions);
  // The guard reads the body itself (with its own size limit and error envelope); the body parser
  // after it then finds ctx.request.body set and only parses requests the guard did not take.
  app.use((ctx, next) => (guard !== undefined && ctx.path === CHAT_PATH ? guard(ctx, next) : next()));
  app.use(bodyParser());
  app.use(async (ctx) => {
    if (ctx.path !== CHAT_PATH) return;
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      ctx.set('Allow', 'POST');
      return;
    }
    const body: unknown = ctx.request.body;
    if ((body as { stream?: unknown } | null)?.stream !== true) {
      ctx.body = mockCompletion(body);
      return;
    }
    const signal = (ctx.state.llmguard as LlmGuardState | undefined)?.signal;
    ctx.type = 'text/event-stream';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = Readable.from(paced(mockStreamEvents(body), signal));
  });
  return app;
}

/** One event per turn of the event loop, like a model; stops when the client has gone. */
async function* paced(events: string[], signal: AbortSignal | undefined): AsyncGenerator<string> {
  for (const event of events) {
    if (signal?.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield event;
  }
}
