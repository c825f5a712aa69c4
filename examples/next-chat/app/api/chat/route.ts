import { llmGuardState, withLlmGuard } from '@llmguard/next';
import type { NextRequest } from 'next/server';
import { mockCompletion, mockStreamEvents } from '@llmguard/example-mock-llm';

/**
 * The "model": echoes the last user message it received. By the time this runs the guard has
 * checked the body (`await request.json()` is the guarded body) and will filter what it returns.
 */
async function chat(request: NextRequest): Promise<Response> {
  const body: unknown = await request.json();
  if ((body as { stream?: unknown } | null)?.stream !== true) return Response.json(mockCompletion(body));

  const events = mockStreamEvents(body);
  // Aborted when the client goes away: a real handler passes it to the upstream fetch.
  const signal = llmGuardState(request)?.signal ?? request.signal;
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const event = events[next++];
      if (event === undefined || signal.aborted) return controller.close();
      await new Promise((resolve) => setTimeout(resolve, 5));
      controller.enqueue(encoder.encode(event));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' } });
}

export const POST = withLlmGuard(chat, {
  customPatterns: { deny: ['ignore previous instructions'] },
  output: { escapeHtml: true },
});
