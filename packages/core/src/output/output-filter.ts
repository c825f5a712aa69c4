import type { FormatCodec } from '../formats/codec.js';
import { createSseParser, serializeSseEvent, type SseEvent } from '../formats/sse.js';
import { streamText, type TextStream } from './stream-text.js';
import { composeTransforms, type OutputTransform } from './transform.js';

/** Incremental filter over a response body: feed chunks, get what is safe to send. */
export interface ChunkFilter {
  push(chunk: Uint8Array | string): string;
  end(): string;
}

/** How a response body is treated, by content type. */
export type BodyKind = 'json' | 'sse' | 'text' | 'none';

/**
 * The output filter for one format: applies the transforms to the model's text in whole JSON
 * bodies and in SSE streams, leaving everything else as it was.
 */
export interface OutputFilter {
  readonly active: boolean;
  /** The transforms applied to one whole text. */
  text(text: string): string;
  /** A parsed JSON response of the format, with its model texts transformed. */
  json(body: unknown): unknown;
  /** A whole JSON response as text; text that is not JSON is returned unchanged. */
  jsonText(body: string): string;
  /** A whole SSE stream, as one string. */
  sse(body: string): string;
  /** Incremental filter: SSE events and plain text as they come; JSON is collected and filtered at the end. */
  stream(kind: 'sse' | 'text' | 'json'): ChunkFilter;
}

/**
 * Build the output filter for a codec and a transform chain (done once per format).
 * @example
 * const out = createOutputFilter(openaiChat, [escapeHtml()]);
 * out.json({ choices: [{ index: 0, message: { role: 'assistant', content: '<b>' } }] })
 */
export function createOutputFilter(codec: FormatCodec, transforms: readonly OutputTransform[]): OutputFilter {
  const text = composeTransforms(transforms);
  const active = transforms.length > 0;
  const filter: OutputFilter = {
    active,
    text,
    json: (body) => (active ? codec.mapResponse(body, text) : body),
    jsonText(body) {
      if (!active) return body;
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return body;
      }
      const next = codec.mapResponse(value, text);
      return next === value ? body : JSON.stringify(next);
    },
    sse(body) {
      const s = filter.stream('sse');
      return s.push(body) + s.end();
    },
    stream(kind) {
      const decoder = new TextDecoder();
      const decode = (chunk: Uint8Array | string) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (kind === 'json') {
        let body = '';
        return { push: (chunk) => ((body += decode(chunk)), ''), end: () => filter.jsonText(body + decoder.decode()) };
      }
      if (kind === 'text') {
        const s = streamText(transforms);
        return { push: (chunk) => s.push(decode(chunk)), end: () => s.push(decoder.decode()) + s.flush() };
      }
      const events = sseEventFilter(codec, transforms, text);
      const parser = createSseParser();
      return {
        push: (chunk) => parser.push(decode(chunk)).map(events.write).join(''),
        end: () => parser.push(decoder.decode()).concat(parser.end()).map(events.write).join('') + events.end(),
      };
    },
  };
  return filter;
}

type Synthesize = (key: string, text: string) => { event: string | undefined; data: unknown };

function sseEventFilter(codec: FormatCodec, transforms: readonly OutputTransform[], mapWhole: (t: string) => string) {
  const streams = new Map<string, TextStream>();
  const templates = new Map<string, Synthesize>();

  const synthesized = (key: string, rest: string): string => {
    const make = templates.get(key);
    if (make === undefined) return '';
    const { event, data } = make(key, rest);
    const head = event === undefined ? '' : `event: ${event}\n`;
    return `${head}data: ${JSON.stringify(data)}\n\n`;
  };

  const write = (e: SseEvent): string => {
    if (e.data === undefined) return serializeSseEvent(e, undefined);
    let data: unknown;
    if (e.data === '[DONE]') data = e.data;
    else {
      try {
        data = JSON.parse(e.data);
      } catch {
        return serializeSseEvent(e, e.data);
      }
    }
    const plan = codec.planStreamEvent(e.event, data);
    if (plan === null) return serializeSseEvent(e, e.data);
    const texts = plan.deltas.map((d) => {
      let s = streams.get(d.key);
      if (s === undefined) {
        s = streamText(transforms);
        streams.set(d.key, s);
      }
      if (plan.synthesize !== undefined) templates.set(d.key, plan.synthesize);
      return s.push(d.text);
    });
    let before = '';
    const ending = plan.ends === 'all' ? [...streams.keys()] : plan.ends;
    for (const key of ending) {
      const s = streams.get(key);
      if (s === undefined) continue;
      streams.delete(key);
      const rest = s.flush();
      if (rest === '') continue;
      const own = plan.deltas.findIndex((d) => d.key === key);
      if (own !== -1) texts[own] += rest;
      else before += synthesized(key, rest);
    }
    const next = plan.write(texts, mapWhole);
    return before + serializeSseEvent(e, next === data ? e.data : JSON.stringify(next));
  };

  const end = (): string => {
    let out = '';
    for (const [key, s] of streams) {
      const rest = s.flush();
      if (rest !== '') out += synthesized(key, rest);
    }
    streams.clear();
    return out;
  };
  return { write, end };
}
