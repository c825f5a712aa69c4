import type { ErrorCode } from '../types.js';

/** A request body as an adapter has it. */
export type HttpBody =
  /** A Node request (any async iterable of chunks) or a web `ReadableStream`. */
  | { type: 'stream'; stream: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array> }
  /** The stream was read by something else that left no parsed body (misuse: mount the guard first). */
  | { type: 'consumed' }
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'text'; text: string }
  | { type: 'parsed'; value: unknown }
  | { type: 'none' };

/** A parsed body with its size, or the reason it could not be read. */
export type ReadResult =
  | { ok: true; value: unknown; text: string | undefined; bytes: number }
  | { ok: false; code: ErrorCode; message: string };

const encoder = new TextEncoder();

/**
 * Read and parse a JSON body, stopping as soon as it exceeds `maxBytes` (`false`: no limit).
 * Invalid UTF-8 and invalid JSON are reported, never thrown.
 */
export async function readJsonBody(body: HttpBody, maxBytes: number | false): Promise<ReadResult> {
  if (body.type === 'parsed') {
    // Another body parser ran first; measure what it produced.
    if (typeof body.value === 'string') return parseText(body.value, encoder.encode(body.value).length, maxBytes);
    if (body.value instanceof Uint8Array) return decodeAndParse(body.value, maxBytes);
    let bytes: number;
    try {
      bytes = encoder.encode(JSON.stringify(body.value) ?? '').length;
    } catch {
      return { ok: false, code: 'llmguard_invalid_request', message: 'The request body could not be serialised.' };
    }
    if (maxBytes !== false && bytes > maxBytes) return tooLarge(maxBytes);
    return { ok: true, value: body.value, text: undefined, bytes };
  }
  if (body.type === 'none') return { ok: false, code: 'llmguard_invalid_json', message: 'The request body is empty.' };
  if (body.type === 'text') return parseText(body.text, encoder.encode(body.text).length, maxBytes);
  if (body.type === 'bytes') return decodeAndParse(body.bytes, maxBytes);

  if (body.type === 'consumed') {
    return {
      ok: false,
      code: 'llmguard_invalid_request',
      message: 'The request body was read by another middleware before llmguard: mount llmguard before it, or use a JSON body parser.',
    };
  }

  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const next = chunkReader(body.stream); ; ) {
    const chunk = await next.read();
    if (chunk === undefined) break;
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.length;
    if (maxBytes !== false && size > maxBytes) {
      await next.stop();
      return tooLarge(maxBytes);
    }
    chunks.push(bytes);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return decodeAndParse(all, maxBytes);
}

interface ChunkReader {
  read(): Promise<Uint8Array | string | undefined>;
  /** Stop early and release the source: a web stream is cancelled; a Node iterator is returned
   * (pass `req.iterator({ destroyOnReturn: false })` to keep the socket for the answer and drain it). */
  stop(): Promise<void>;
}

function chunkReader(stream: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>): ChunkReader {
  if (typeof (stream as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (stream as ReadableStream<Uint8Array>).getReader();
    return {
      read: async () => (await reader.read()).value,
      stop: () => reader.cancel().catch(() => undefined),
    };
  }
  const it = (stream as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  return {
    read: async () => {
      const r = await it.next();
      return r.done === true ? undefined : r.value;
    },
    stop: async () => {
      await it.return?.().catch(() => undefined);
    },
  };
}

function tooLarge(maxBytes: number): ReadResult {
  return { ok: false, code: 'llmguard_payload_too_large', message: `The request body is larger than ${maxBytes} bytes.` };
}

function decodeAndParse(bytes: Uint8Array, maxBytes: number | false): ReadResult {
  if (maxBytes !== false && bytes.length > maxBytes) return tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, code: 'llmguard_invalid_encoding', message: 'The request body is not valid UTF-8.' };
  }
  return parseText(text, bytes.length, maxBytes);
}

function parseText(text: string, bytes: number, maxBytes: number | false): ReadResult {
  if (maxBytes !== false && bytes > maxBytes) return tooLarge(maxBytes);
  if (text.trim() === '') return { ok: false, code: 'llmguard_invalid_json', message: 'The request body is empty.' };
  try {
    return { ok: true, value: JSON.parse(text), text, bytes };
  } catch {
    return { ok: false, code: 'llmguard_invalid_json', message: 'The request body is not valid JSON.' };
  }
}
