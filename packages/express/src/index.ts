import { type AllowDecision, createGuard, type GuardOptions, type HttpBody, inspectRequest } from '@llmguard/core';
import type { Request, RequestHandler } from 'express';
import { interceptResponse } from './intercept-response.js';

export { block, customPatterns, LlmGuardConfigError, redact, report } from '@llmguard/core';
export type { AllowDecision, Decision, Finding, GuardOptions, Rule } from '@llmguard/core';

/** What the guard leaves for the handler in `res.locals.llmguard`. */
export interface LlmGuardLocals {
  requestId: string;
  /** The allow decision, with its findings (offsets and rule ids, never matched text). */
  decision: AllowDecision;
  /** Aborted when the client disconnects: pass it to the upstream model call. */
  signal: AbortSignal;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express types res.locals through this global namespace
  namespace Express {
    interface Locals {
      llmguard?: LlmGuardLocals;
    }
  }
}

/** A body parser that ran first (express.json(), .text(), .raw()) has consumed the stream. */
function bodyOf(req: Request & { _body?: boolean }): HttpBody {
  if (req.readableEnded || req._body === true) return req.body === undefined ? { type: 'consumed' } : { type: 'parsed', value: req.body };
  // destroyOnReturn: false keeps the socket open when core stops reading early, so the 413 can be sent.
  return { type: 'stream', stream: req.iterator({ destroyOnReturn: false }) };
}

/**
 * Express middleware: checks LLM requests before the handler, rewrites `req.body` to the guarded
 * body, and filters the handler's JSON or SSE answer. Mount it before or after `express.json()`.
 * Throws `LlmGuardConfigError` at once for invalid options.
 * @example
 * app.use('/v1', llmGuard({ customPatterns: { deny: ['ignore previous instructions'] }, output: { escapeHtml: true } }));
 */
export function llmGuard(options?: GuardOptions): RequestHandler {
  // Throws for invalid options, and for app.use(llmGuard) (called with a request): Express passes it to next(err).
  const guard = createGuard(options);
  return function llmGuardMiddleware(req, res, next) {
    inspectRequest(guard, { method: req.method, url: req.originalUrl, headers: req.headers, body: bodyOf(req) })
      .then((result) => {
        if (result.type === 'pass') return next();
        for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
        if (result.type === 'respond') {
          // Drain what core left unread (a 413), as Node and body-parser do, so keep-alive connections go on.
          if (!req.readableEnded) req.resume();
          res.statusCode = result.status;
          res.end(result.body);
          return;
        }
        // Later body parsers skip a request whose body was read: body-parser 1 checks _body, 2 the ended stream.
        req.body = result.body;
        (req as { _body?: boolean })._body = true;
        const filter = result.response;
        res.locals.llmguard = { requestId: result.requestId, decision: result.decision, signal: filter.signal };
        res.on('close', () => {
          if (!res.writableFinished) filter.abort();
        });
        if (filter.active) interceptResponse(res, filter);
        next();
      })
      .catch(next);
  };
}
