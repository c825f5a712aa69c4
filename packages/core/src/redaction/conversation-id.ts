import { sha256, toHex } from '../detectors/pii/sha256.js';
import type { Message } from '../types.js';

const encoder = new TextEncoder();

/**
 * A stable id for the conversation a request belongs to, so placeholders stay the same across
 * turns without the client sending an id: chat clients resend the history, and the first system
 * and user messages do not change between turns. An explicit id (a header or body field the app
 * trusts) should be preferred when there is one; the derived id is a SHA-256 of the opening
 * messages, scoped by `scope` (e.g. the caller's identity) so two users never share a vault entry.
 * @example
 * conversationId(decision.messages, { scope: userId }) // '3f1c...'
 */
export function conversationId(messages: readonly Pick<Message, 'role' | 'text'>[], options: { scope?: string } = {}): string {
  const system = messages.find((m) => m.role === 'system' || m.role === 'developer');
  const user = messages.find((m) => m.role === 'user');
  const seed = `${options.scope ?? ''}\u0000${system?.text ?? ''}\u0000${user?.text ?? ''}`;
  return toHex(sha256(encoder.encode(seed))).slice(0, 32);
}
