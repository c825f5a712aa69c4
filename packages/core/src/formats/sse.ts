/** One server-sent event as received: its lines, and the parsed `event` name and `data`. */
export interface SseEvent {
  /** Every line of the event except data lines, in order (event:, id:, retry:, comments). */
  otherLines: readonly string[];
  /** Index among all lines where the first data line was. */
  dataAt: number;
  event: string | undefined;
  /** Data lines joined with `\n`, or `undefined` when the event has none. */
  data: string | undefined;
}

/**
 * Incremental SSE parser (WHATWG HTML, "Server-sent events"): lines end with LF, CRLF or CR; a
 * blank line ends an event. Returns only complete events, so the output never depends on how the
 * input was chunked.
 */
export interface SseParser {
  push(text: string): SseEvent[];
  /** Events still open at the end of the stream. */
  end(): SseEvent[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let lines: string[] = [];
  const done: SseEvent[] = [];

  const dispatch = () => {
    if (lines.length > 0) done.push(toEvent(lines));
    lines = [];
  };

  const consume = (final: boolean) => {
    let at = 0;
    for (;;) {
      let i = at;
      while (i < buffer.length && buffer.charCodeAt(i) !== 10 && buffer.charCodeAt(i) !== 13) i++;
      if (i === buffer.length) break;
      // A CR at the very end may be the first half of CRLF: wait for more input.
      if (buffer.charCodeAt(i) === 13 && i + 1 === buffer.length && !final) break;
      const line = buffer.slice(at, i);
      at = buffer.charCodeAt(i) === 13 && buffer.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (line === '') dispatch();
      else lines.push(line);
    }
    buffer = buffer.slice(at);
  };

  return {
    push(text) {
      buffer += text;
      consume(false);
      return done.splice(0);
    },
    end() {
      consume(true);
      if (buffer !== '') lines.push(buffer);
      buffer = '';
      dispatch();
      return done.splice(0);
    },
  };
}

function toEvent(lines: readonly string[]): SseEvent {
  const otherLines: string[] = [];
  const data: string[] = [];
  let event: string | undefined;
  let dataAt = -1;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      if (dataAt === -1) dataAt = otherLines.length;
      data.push(value);
      continue;
    }
    if (field === 'event') event = value;
    otherLines.push(line);
  }
  return { otherLines, dataAt, event, data: dataAt === -1 ? undefined : data.join('\n') };
}

/** Serialise an event with its data replaced (`undefined` keeps no data lines). */
export function serializeSseEvent(event: SseEvent, data: string | undefined): string {
  const lines = event.otherLines.slice();
  if (data !== undefined) {
    const at = event.dataAt === -1 ? lines.length : event.dataAt;
    lines.splice(at, 0, ...data.split('\n').map((d) => `data: ${d}`));
  }
  return `${lines.join('\n')}\n\n`;
}
