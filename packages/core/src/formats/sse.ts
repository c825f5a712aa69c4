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
  // The unfinished line is kept as pieces and each chunk is scanned once: a long line that
  // arrives in many chunks costs linear time.
  let partial: string[] = [];
  let afterCR = false;
  let lines: string[] = [];
  const done: SseEvent[] = [];

  const onLine = (line: string) => {
    if (line !== '') lines.push(line);
    else if (lines.length > 0) {
      done.push(toEvent(lines));
      lines = [];
    }
  };

  return {
    push(text) {
      let start = afterCR && text.charCodeAt(0) === 10 ? 1 : 0;
      if (text.length > 0) afterCR = false;
      for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        const piece = text.slice(start, i);
        onLine(partial.length > 0 ? partial.join('') + piece : piece);
        partial = [];
        if (c === 13) {
          if (i + 1 === text.length) afterCR = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      if (start < text.length) partial.push(text.slice(start));
      return done.splice(0);
    },
    end() {
      if (partial.length > 0) onLine(partial.join(''));
      partial = [];
      onLine('');
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
