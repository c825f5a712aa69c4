import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';

createApp().listen(port, host, () => {
  console.log(`koa-chat listening on http://${host}:${port} (POST /v1/chat/completions)`);
});
