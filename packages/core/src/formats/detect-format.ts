import type { FormatId } from '../types.js';
import { anthropicMessages } from './anthropic-messages.js';
import { isRecord } from './body-path.js';
import type { FormatCodec } from './codec.js';
import { openaiChat } from './openai-chat.js';
import { openaiResponses } from './openai-responses.js';
import { plain } from './plain.js';

/** The built-in codecs by id. */
export const BUILTIN_FORMATS: Readonly<Record<FormatId, FormatCodec>> = Object.freeze({
  'openai-chat': openaiChat,
  'openai-responses': openaiResponses,
  'anthropic-messages': anthropicMessages,
  plain,
});

/** Route matching order, then body-shape order (most specific first). */
const BY_ROUTE: readonly FormatCodec[] = [openaiChat, openaiResponses, anthropicMessages];
const BY_BODY: readonly FormatCodec[] = [anthropicMessages, openaiChat, openaiResponses, plain];

/**
 * Pick the codec for a request: the route decides when it names a known endpoint, otherwise the
 * body's shape. `undefined` when nothing fits.
 * @example
 * detectFormat('/v1/messages', body)?.id // 'anthropic-messages'
 */
export function detectFormat(route: string | undefined, body: unknown): FormatCodec | undefined {
  if (route !== undefined) {
    const byRoute = BY_ROUTE.find((c) => c.matchesRoute(route));
    if (byRoute !== undefined) return byRoute;
  }
  if (!isRecord(body)) return undefined;
  return BY_BODY.find((c) => c.matchesBody(body));
}
