import { describe, expect, it } from 'vitest';
import { anthropicMessages } from './anthropic-messages.js';
import { writeAtPaths } from './body-path.js';
import { detectFormat } from './detect-format.js';
import { openaiChat } from './openai-chat.js';
import { openaiResponses } from './openai-responses.js';
import { plain } from './plain.js';

describe('detectFormat', () => {
  const cases: { title: string; route: string | undefined; body: unknown; expected: string | undefined }[] = [
    { title: 'chat completions route', route: '/v1/chat/completions', body: {}, expected: 'openai-chat' },
    { title: 'route with query and trailing slash', route: '/api/v1/chat/completions/?x=1', body: {}, expected: 'openai-chat' },
    { title: 'responses route', route: '/v1/responses', body: {}, expected: 'openai-responses' },
    { title: 'anthropic route', route: '/v1/messages', body: {}, expected: 'anthropic-messages' },
    { title: 'anthropic body: top-level system', route: '/chat', body: { system: 's', messages: [] }, expected: 'anthropic-messages' },
    { title: 'anthropic body: claude model', route: undefined, body: { model: 'claude-x', messages: [] }, expected: 'anthropic-messages' },
    { title: 'openai chat body', route: '/chat', body: { model: 'gpt', messages: [] }, expected: 'openai-chat' },
    { title: 'responses body', route: '/api/ai', body: { model: 'gpt', input: 'hi' }, expected: 'openai-responses' },
    { title: 'plain prompt', route: '/api/ai', body: { prompt: 'hi' }, expected: 'plain' },
    { title: 'plain input without model', route: '/api/ai', body: { input: 'hi' }, expected: 'plain' },
    { title: 'unknown shape', route: '/api/ai', body: { foo: 1 }, expected: undefined },
    { title: 'not an object', route: '/api/ai', body: [1, 2], expected: undefined },
  ];
  it.each(cases)('$title', ({ route, body, expected }) => {
    expect(detectFormat(route, body)?.id).toBe(expected);
  });
});

describe('openaiChat', () => {
  const body = {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 't1', content: 'tool says' },
      { role: 'user', content: 'hello' },
    ],
    temperature: 0.2,
  };
  it('reads every text with its role, source and path', () => {
    expect(openaiChat.read(body).map((m) => [m.role, m.source, m.text, m.path.join('.')])).toEqual([
      ['system', 'system', 'You are terse.', 'messages.0.content'],
      ['user', 'text', 'look', 'messages.1.content.0.text'],
      ['tool', 'tool_result', 'tool says', 'messages.3.content'],
      ['user', 'text', 'hello', 'messages.4.content'],
    ]);
  });
  it('writes texts back and preserves everything else', () => {
    const out = writeAtPaths(body, [
      { path: ['messages', 1, 'content', 0, 'text'], value: 'LOOK' },
      { path: ['messages', 4, 'content'], value: 'HELLO' },
    ]) as typeof body;
    expect(openaiChat.read(out).map((m) => m.text)).toEqual(['You are terse.', 'LOOK', 'tool says', 'HELLO']);
    expect(JSON.stringify({ ...out, messages: undefined })).toBe(JSON.stringify({ ...body, messages: undefined }));
    expect(out.messages[2]).toBe(body.messages[2]);
    expect((out.messages[1]?.content as unknown[])[1]).toBe((body.messages[1]?.content as unknown[])[1]);
    expect(body.messages[4]?.content).toBe('hello');
  });
  it.each([
    { title: 'unknown role', body: { model: 'm', messages: [{ role: 'wizard', content: 'x' }] } },
    { title: 'content of the wrong type', body: { model: 'm', messages: [{ role: 'user', content: 5 }] } },
    { title: 'missing messages', body: { model: 'm' } },
    { title: 'missing model', body: { messages: [{ role: 'user', content: 'x' }] } },
    { title: 'text part without text', body: { model: 'm', messages: [{ role: 'user', content: [{ type: 'text' }] }] } },
    { title: 'temperature as a string', body: { model: 'm', temperature: 'hot', messages: [{ role: 'user', content: 'x' }] } },
  ])('rejects $title', ({ body: bad }) => {
    expect(openaiChat.schema.safeParse(bad).success).toBe(false);
  });
});

describe('openaiResponses', () => {
  it('reads instructions, string input, message items and function_call_output', () => {
    const body = {
      model: 'gpt',
      instructions: 'be brief',
      input: [
        { role: 'user', content: 'hi' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'part' }, { type: 'input_image', image_url: 'x' }] },
        { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c', output: 'result text' },
      ],
    };
    expect(openaiResponses.read(body).map((m) => [m.role, m.text, m.path.join('.')])).toEqual([
      ['system', 'be brief', 'instructions'],
      ['user', 'hi', 'input.0.content'],
      ['user', 'part', 'input.1.content.0.text'],
      ['tool', 'result text', 'input.3.output'],
    ]);
    expect(openaiResponses.read({ input: 'just text' }).map((m) => m.path.join('.'))).toEqual(['input']);
  });
  it('maps output_text in a whole response', () => {
    const res = { output: [{ type: 'message', content: [{ type: 'output_text', text: 'a' }, { type: 'refusal', refusal: 'r' }] }] };
    expect(openaiResponses.mapResponse(res, (t) => t.toUpperCase())).toEqual({
      output: [{ type: 'message', content: [{ type: 'output_text', text: 'A' }, { type: 'refusal', refusal: 'r' }] }],
    });
  });
});

describe('anthropicMessages', () => {
  it('reads system, blocks, tool_result content and text documents', () => {
    const body = {
      model: 'claude',
      max_tokens: 10,
      system: [{ type: 'text', text: 'sys' }],
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 'tool out' }] },
            { type: 'tool_result', tool_use_id: 't', content: 'plain tool out' },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'doc body' } },
            { type: 'text', text: 'and this' },
          ],
        },
      ],
    };
    expect(anthropicMessages.read(body).map((m) => [m.role, m.source, m.text, m.path.join('.')])).toEqual([
      ['system', 'system', 'sys', 'system.0.text'],
      ['user', 'text', 'hello', 'messages.0.content'],
      ['tool', 'tool_result', 'tool out', 'messages.2.content.0.content.0.text'],
      ['tool', 'tool_result', 'plain tool out', 'messages.2.content.1.content'],
      ['tool', 'tool_result', 'doc body', 'messages.2.content.2.source.data'],
      ['user', 'text', 'and this', 'messages.2.content.3.text'],
    ]);
  });
  it.each([
    { title: 'missing max_tokens', body: { model: 'c', messages: [] } },
    { title: 'system role inside messages', body: { model: 'c', max_tokens: 1, messages: [{ role: 'system', content: 'x' }] } },
  ])('rejects $title', ({ body }) => {
    expect(anthropicMessages.schema.safeParse(body).success).toBe(false);
  });
});

describe('plain', () => {
  it('reads prompt strings, prompt arrays and input', () => {
    expect(plain.read({ prompt: ['a', 'b'], input: 'c' }).map((m) => m.path.join('.'))).toEqual(['prompt.0', 'prompt.1', 'input']);
    expect(plain.schema.safeParse({ foo: 1 }).success).toBe(false);
  });
});
