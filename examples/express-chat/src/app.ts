import { fileURLToPath } from 'node:url';
import { type GuardOptions, llmGuard } from '@llmguard/express';
import express from 'express';
import { mockModel } from './mock-model.js';
import { upstream } from './upstream.js';

/** Options of the demo app. */
export interface AppOptions {
  /** Mount llmguard (default true); false gives the unguarded baseline for benchmarks. */
  guard?: boolean;
  /** An OpenAI-compatible base URL; without it a mock model echoes the prompt. */
  upstreamUrl?: string;
  upstreamApiKey?: string;
  /** Characters per streamed delta of the mock model. */
  chunkSize?: number;
}

/**
 * The guard of the demo: prompt-injection detection (balanced, blocking), a deny list, secrets
 * replaced by labels (the default), and personal data
 * replaced by per-conversation placeholders (`<EMAIL_1>`) that are restored in the answer, so the
 * model never sees them but the user reads them back.
 */
export const demoOptions = {
  customPatterns: {
    deny: ['ignore previous instructions', 'ignore all previous instructions', /reveal (?:your|the) system prompt/i],
  },
  injection: { preset: 'balanced' },
  pii: { operator: 'pseudonymize' },
} satisfies GuardOptions;

const PAGE = fileURLToPath(new URL('../public/index.html', import.meta.url));

/**
 * The demo server: `POST /v1/chat/completions` for JSON API clients (no HTML escaping) and
 * `POST /demo/v1/chat/completions` for the page at `/` (the model's text is HTML-escaped).
 * @example
 * createApp({ chunkSize: 4 }).listen(3000);
 */
export function createApp(options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const model = options.upstreamUrl
    ? upstream({ url: options.upstreamUrl, apiKey: options.upstreamApiKey })
    : mockModel({ chunkSize: options.chunkSize });

  app.get('/', (_req, res) => res.sendFile(PAGE));
  if (options.guard !== false) {
    app.use('/v1', llmGuard(demoOptions));
    app.use('/demo/v1', llmGuard({ ...demoOptions, output: { escapeHtml: true } }));
  }
  // Parses the body of the unguarded baseline; after the guard it sees the body already read and skips.
  app.use(express.json({ limit: '1mb' }));
  app.post('/v1/chat/completions', model);
  app.post('/demo/v1/chat/completions', model);
  return app;
}
