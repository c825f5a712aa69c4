import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
const upstreamUrl = process.env.LLM_UPSTREAM_URL || undefined;
const app = createApp({ upstreamUrl, upstreamApiKey: process.env.LLM_UPSTREAM_API_KEY || undefined });

app.listen(port, (error?: Error) => {
  if (error) throw error;
  // Origin and path only: a URL can carry credentials.
  const model = upstreamUrl === undefined ? 'mock echo' : `upstream ${new URL(upstreamUrl).origin}${new URL(upstreamUrl).pathname}`;
  console.log(`llmguard Express demo on http://localhost:${port}/ (model: ${model})`);
});
