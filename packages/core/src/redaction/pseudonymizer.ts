import type { OutputTransform } from '../output/transform.js';
import type { DetectorMatch, Message } from '../types.js';
import { conversationId } from './conversation-id.js';
import { pseudonymize, restorable, type RestorePolicy, restorePolicy } from './pseudonymize.js';
import { restoreTransform } from './restore-transform.js';
import { memoryVault, type PlaceholderVault } from './vault.js';

export interface PseudonymizerOptions {
  /** Where placeholders live (default `memoryVault()`; `redisVault({ client })` for several processes). */
  vault?: PlaceholderVault;
  /** Entities restored in answers: a list, `true` (all but secrets and cards) or `false` (default: names and emails). */
  restore?: readonly string[] | boolean | RestorePolicy;
}

/** What the guard needs for reversible redaction: one object built at `createGuard()`. */
export interface Pseudonymizer {
  readonly vault: PlaceholderVault;
  /** The conversation a request belongs to (explicit id when the app has one, else derived from the opening messages). */
  conversationOf(messages: readonly Pick<Message, 'role' | 'text'>[], explicitId?: string, scope?: string): string;
  /** Replace matches with conversation placeholders in each text (same value, same placeholder). */
  apply(conversationId: string, inputs: readonly { text: string; matches: readonly DetectorMatch[] }[]): Promise<string[]>;
  /**
   * The per-request output transform restoring allowed placeholders, loaded before the response
   * starts (undefined when the conversation has nothing to restore).
   */
  restoreFor(conversationId: string): Promise<OutputTransform | undefined>;
}

/**
 * Reversible redaction for the guard: `apply` in `check()` (async), `restoreFor` once per request
 * before the response starts, then the transform is synchronous in the output filter.
 * @example
 * const p = pseudonymizer({ vault: redisVault({ client }), restore: ['PERSON_NAME', 'EMAIL'] });
 * const id = p.conversationOf(messages);
 * const texts = await p.apply(id, messages.map((m, i) => ({ text: m.text, matches: matchesOf[i] })));
 * const restore = await p.restoreFor(id); // put it first in createOutputFilter(codec, [restore, ...transforms])
 */
export function pseudonymizer(options: PseudonymizerOptions = {}): Pseudonymizer {
  const vault = options.vault ?? memoryVault();
  const policy: RestorePolicy = typeof options.restore === 'function' ? options.restore : restorePolicy(options.restore as readonly string[] | boolean | undefined);
  return {
    vault,
    conversationOf(messages, explicitId, scope) {
      if (explicitId !== undefined && explicitId !== '') return scope === undefined ? explicitId : `${scope}:${explicitId}`;
      return conversationId(messages, scope === undefined ? {} : { scope });
    },
    apply(id, inputs) {
      return pseudonymize(vault, id, inputs);
    },
    async restoreFor(id) {
      const map = restorable(await vault.load(id), policy);
      return map.size === 0 ? undefined : restoreTransform(map);
    },
  };
}
