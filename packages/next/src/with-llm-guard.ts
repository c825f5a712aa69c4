import type { GuardOptions } from '@llmguard/core';
import { assertHandler, type FetchHandler, guardFetch } from './guard-fetch.js';

/**
 * Guard a Next.js App Router route handler. The handler receives a request of the same class
 * (a `NextRequest` in Next) whose body is the guarded body, plus Next's `{ params }` context; its
 * `Response` (JSON or a streamed body) is filtered on the way out. Next is never imported.
 * @example
 * // app/api/chat/route.ts
 * export const POST = withLlmGuard(async (req: Request) => Response.json(await answer(await req.json())), {
 *   customPatterns: { deny: ['ignore previous instructions'] },
 * });
 */
export function withLlmGuard<R extends Request, Args extends unknown[]>(
  handler: FetchHandler<R, Args>,
  options?: GuardOptions,
): (request: R, ...rest: Args) => Promise<Response> {
  assertHandler(handler, 'withLlmGuard');
  return guardFetch(handler, options);
}
