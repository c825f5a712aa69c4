import { describe, expect, it } from 'vitest';
import { createSseParser, serializeSseEvent } from './sse.js';

describe('createSseParser', () => {
  const parse = (chunks: string[]) => {
    const p = createSseParser();
    return [...chunks.flatMap((c) => p.push(c)), ...p.end()].map((e) => ({ event: e.event, data: e.data, other: e.otherLines }));
  };

  it.each([
    { title: 'LF line endings', chunks: ['data: a\n\ndata: b\n\n'] },
    { title: 'CRLF line endings', chunks: ['data: a\r\n\r\ndata: b\r\n\r\n'] },
    { title: 'CR line endings', chunks: ['data: a\r\rdata: b\r\r'] },
    { title: 'CRLF split between chunks', chunks: ['data: a\r', '\n\r', '\ndata: b\r\n\r\n'] },
    { title: 'one character per chunk', chunks: [...'data: a\n\ndata: b\n\n'] },
    { title: 'final event without a blank line', chunks: ['data: a\n\ndata: b'] },
  ])('splits events the same way with $title', ({ chunks }) => {
    expect(parse(chunks).map((e) => e.data)).toEqual(['a', 'b']);
  });

  it('joins multi-line data, keeps event names, ids and comments', () => {
    expect(parse([': keep-alive\nevent: delta\nid: 7\ndata: line1\ndata: line2\n\n'])).toEqual([
      { event: 'delta', data: 'line1\nline2', other: [': keep-alive', 'event: delta', 'id: 7'] },
    ]);
  });

  it('treats a field without a colon and an event without data', () => {
    expect(parse([':comment only\n\n'])).toEqual([{ event: undefined, data: undefined, other: [':comment only'] }]);
  });

  it('scans a long line delivered in many chunks in linear time', () => {
    const p = createSseParser();
    const piece = 'x'.repeat(64);
    for (let i = 0; i < 20_000; i++) expect(p.push(piece)).toEqual([]);
    expect(p.push('\n\n')[0]?.data).toBeUndefined();
  });
});

describe('serializeSseEvent', () => {
  it('writes data lines where the first data line was', () => {
    const [e] = createSseParser().push('event: x\ndata: old\nid: 1\n\n');
    expect(e && serializeSseEvent(e, 'new\nmore')).toBe('event: x\ndata: new\ndata: more\nid: 1\n\n');
  });
});
