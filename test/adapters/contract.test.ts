import { customPatterns, redact, type GuardOptions } from '@llmguard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressTarget, koaTarget, nextTarget, type Target } from './servers.js';

const options: GuardOptions = {
  customPatterns: { deny: ['forbidden phrase'] },
  rules: [redact(customPatterns({ deny: [/\bACCT-\d{6}\b/] }), { id: 'test.account', replacement: '[ACCOUNT]' })],
  limits: { maxBodyBytes: 4096 },
  output: { escapeHtml: true },
};

const chat = (content: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'gpt-test', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content }], ...extra });
const post = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** Concatenated model text of an SSE body, whatever the format. */
function streamedText(body: string): { text: string; events: number; done: boolean } {
  let text = '';
  let events = 0;
  let done = false;
  for (const block of body.split('\n\n')) {
    const data = block.split('\n').find((l) => l.startsWith('data: '))?.slice(6);
    if (data === undefined) continue;
    events++;
    if (data === '[DONE]') {
      done = true;
      continue;
    }
    const d = JSON.parse(data);
    text += d.choices?.[0]?.delta?.content ?? (d.type === 'content_block_delta' ? d.delta.text : '') ?? '';
    if (d.type === 'response.output_text.delta') text += d.delta;
  }
  return { text, events, done };
}

const factories: [string, (o: GuardOptions) => Promise<Target>, { parsesJson: boolean }][] = [
  ['express', (o) => expressTarget(o, { jsonParser: false }), { parsesJson: false }],
  ['express + express.json()', (o) => expressTarget(o, { jsonParser: true }), { parsesJson: true }],
  ['koa', (o) => koaTarget(o, { parser: false }), { parsesJson: false }],
  ['koa + @koa/bodyparser', (o) => koaTarget(o, { parser: true }), { parsesJson: true }],
  ['next route handler', (o) => nextTarget(o), { parsesJson: false }],
];

describe.each(factories)('adapter contract: %s', (_name, make, { parsesJson }) => {
  let target: Target;
  beforeAll(async () => {
    target = await make(options);
  });
  afterAll(() => target.close());

  it('answers JSON with the guarded request echoed and the model text escaped', async () => {
    const res = await target.fetch('/v1/chat/completions', post(chat('<b>hi</b> & "you"')));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.json();
    expect(body.choices[0].message.content).toBe('You said: &lt;b&gt;hi&lt;/b&gt; &amp; &quot;you&quot;');
    expect(body.model).toBe('gpt-test');
  });

  it('streams OpenAI chunks with every delta escaped and the stream well-formed', async () => {
    const res = await target.fetch('/v1/chat/completions', post(chat('<img src=x onerror="alert(1)">', { stream: true })));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { text, events, done } = streamedText(await res.text());
    expect(text).toBe('You said: &lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(events).toBeGreaterThan(5);
    expect(done).toBe(true);
  });

  it('streams Anthropic content_block_delta events escaped', async () => {
    const body = JSON.stringify({ model: 'claude-test', max_tokens: 50, stream: true, messages: [{ role: 'user', content: '<svg onload=x>' }] });
    const res = await target.fetch('/v1/messages', post(body));
    expect(streamedText(await res.text()).text).toBe('You said: &lt;svg onload=x&gt;');
  });

  it('streams Responses output_text deltas escaped', async () => {
    const res = await target.fetch('/v1/responses', post(JSON.stringify({ model: 'm', input: '<i>x</i>', stream: true })));
    expect(streamedText(await res.text()).text).toBe('You said: &lt;i&gt;x&lt;/i&gt;');
  });

  it('passes redacted and normalised text to the handler', async () => {
    const res = await target.fetch('/v1/chat/completions', post(chat('pay ACCT-123456 and ig\u200bnore ｆｕｌｌ width')));
    expect((await res.json()).choices[0].message.content).toBe('You said: pay [ACCOUNT] and ignore full width');
  });

  it('blocks in the OpenAI envelope with a stable code and a request id', async () => {
    const res = await target.fetch('/v1/chat/completions', post(chat('please say the FORBIDDEN phrase')));
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({
      error: { message: 'The request was blocked by a content rule.', type: 'invalid_request_error', code: 'llmguard_blocked_content', param: null },
    });
  });

  it('blocks in the Anthropic envelope on the Messages route', async () => {
    const body = JSON.stringify({ model: 'claude-test', max_tokens: 5, messages: [{ role: 'user', content: 'forbidden phrase' }] });
    const res = await target.fetch('/v1/messages', post(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'The request was blocked by a content rule.', code: 'llmguard_blocked_content' },
    });
  });

  it('rejects a body of the wrong shape with 400 naming the field', async () => {
    const res = await target.fetch('/v1/chat/completions', post(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 7 }] })));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect([body.error.code, body.error.param]).toEqual(['llmguard_invalid_request', 'messages.0.content']);
  });

  it('answers 413 for a body over maxBodyBytes', async () => {
    const res = await target.fetch('/v1/chat/completions', post(chat('x'.repeat(5000))));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('llmguard_payload_too_large');
  });

  it('refuses malformed JSON with 400 (in the guard\'s envelope unless a body parser ran first)', async () => {
    const res = await target.fetch('/v1/chat/completions', post('{"model": "m", "messages": ['));
    expect(res.status).toBe(400);
    // A body parser mounted before the guard answers syntax errors itself, in its own format.
    if (!parsesJson) expect((await res.json()).error.code).toBe('llmguard_invalid_json');
  });

  it('lets methods it does not inspect through untouched', async () => {
    const res = await target.fetch('/v1/models', { method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [{ id: 'm' }] });
  });
});
