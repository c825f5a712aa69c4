/**
 * Where pseudonymisation keeps the placeholder <-> value pairs of a conversation, so the same
 * value gets the same placeholder in every message and the answer can be restored. Methods are
 * async (a shared store is remote); the guard calls them in `check()`, which is async, and loads
 * a plain map before the response starts, so output transforms stay synchronous.
 */
export interface PlaceholderVault {
  /**
   * Return the placeholder of each value, creating `<ENTITY_n>` (n counting per entity within
   * the conversation) for values not seen before. Same value, same placeholder.
   */
  assign(conversationId: string, entries: readonly { entity: string; value: string }[]): Promise<string[]>;
  /** Every placeholder of the conversation and its value. */
  load(conversationId: string): Promise<ReadonlyMap<string, string>>;
  /** Forget a conversation. */
  clear(conversationId: string): Promise<void>;
}

/** The placeholder text for an entity and its per-conversation number. */
export function placeholderFor(entity: string, n: number): string {
  return `<${entity}_${n}>`;
}

export interface MemoryVaultOptions {
  /** How long a conversation's pairs live after their last use (default 1 hour). */
  ttlMs?: number;
  /** Most conversations kept; the least recently used are dropped first (default 10,000). */
  maxConversations?: number;
  /** Clock, for tests (default `Date.now`). */
  now?: () => number;
}

interface Conversation {
  forward: Map<string, string>;
  reverse: Map<string, string>;
  counters: Map<string, number>;
  expires: number;
}

/**
 * An in-process vault with a sliding TTL and an LRU bound. The default; use `redisVault` when
 * several processes serve one conversation.
 * @example
 * const vault = memoryVault({ ttlMs: 30 * 60_000 });
 */
export function memoryVault(options: MemoryVaultOptions = {}): PlaceholderVault {
  const ttl = options.ttlMs ?? 3_600_000;
  const max = options.maxConversations ?? 10_000;
  const now = options.now ?? Date.now;
  const conversations = new Map<string, Conversation>();
  const get = (id: string, create: boolean): Conversation | undefined => {
    const t = now();
    let c = conversations.get(id);
    if (c !== undefined && c.expires <= t) {
      conversations.delete(id);
      c = undefined;
    }
    if (c === undefined) {
      if (!create) return undefined;
      c = { forward: new Map(), reverse: new Map(), counters: new Map(), expires: 0 };
    }
    // Map order is insertion order: re-inserting marks it most recently used.
    conversations.delete(id);
    conversations.set(id, c);
    c.expires = t + ttl;
    while (conversations.size > max) conversations.delete(conversations.keys().next().value as string);
    return c;
  };
  return {
    async assign(id, entries) {
      const c = get(id, true) as Conversation;
      return entries.map(({ entity, value }) => {
        const key = `${entity}\u0000${value}`;
        let p = c.forward.get(key);
        if (p === undefined) {
          const n = (c.counters.get(entity) ?? 0) + 1;
          c.counters.set(entity, n);
          p = placeholderFor(entity, n);
          c.forward.set(key, p);
          c.reverse.set(p, value);
        }
        return p;
      });
    },
    async load(id) {
      return new Map(get(id, false)?.reverse ?? []);
    },
    async clear(id) {
      conversations.delete(id);
    },
  };
}
