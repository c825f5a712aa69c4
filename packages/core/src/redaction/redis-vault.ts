import { memoryVault, type PlaceholderVault } from './vault.js';

/**
 * The three commands the vault uses, as an ioredis client (`new Redis(url)`) provides them.
 * Typed structurally so that core's type declarations do not require ioredis to be installed
 * (it is an optional peer dependency).
 */
export interface RedisVaultClient {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  hgetall(key: string): Promise<Record<string, string>>;
  del(...keys: string[]): Promise<number>;
}

export interface RedisVaultOptions {
  /** An ioredis client (`new Redis(url)`); the vault never creates or closes it. */
  client: RedisVaultClient;
  /** Key prefix (default `llmguard:pseudo:`). */
  prefix?: string;
  /** Seconds a conversation lives after its last use (default 3600). */
  ttlSeconds?: number;
  /**
   * What to do when Redis fails: `fallback-to-memory` (default; placeholders stay consistent
   * within this process), or `throw` so the caller's failure mode decides.
   */
  onStoreError?: 'fallback-to-memory' | 'throw';
  /** Called with each store error (for logs and metrics); never receives values. */
  onError?: (error: unknown) => void;
}

// One round trip per request, atomic across processes: for each (entity, value) return the
// existing placeholder or number a new one with a per-entity counter. KEYS: forward, reverse,
// counters hashes. ARGV: ttl, then entity/value pairs.
const ASSIGN = `
local out = {}
for i = 2, #ARGV, 2 do
  local entity, value = ARGV[i], ARGV[i + 1]
  local field = entity .. '\\0' .. value
  local p = redis.call('HGET', KEYS[1], field)
  if not p then
    local n = redis.call('HINCRBY', KEYS[3], entity, 1)
    p = '<' .. entity .. '_' .. n .. '>'
    redis.call('HSET', KEYS[1], field, p)
    redis.call('HSET', KEYS[2], p, value)
  end
  out[#out + 1] = p
end
for k = 1, 3 do redis.call('EXPIRE', KEYS[k], ARGV[1]) end
return out`;

/**
 * A vault shared by every process through Redis (ioredis is an optional peer dependency: pass
 * your client). Pairs expire `ttlSeconds` after the conversation's last use. Values are stored
 * in clear so answers can be restored: give the Redis instance the protection personal data needs.
 * @example
 * import { Redis } from 'ioredis';
 * const vault = redisVault({ client: new Redis(process.env.REDIS_URL), ttlSeconds: 1800 });
 */
export function redisVault(options: RedisVaultOptions): PlaceholderVault {
  const client = options.client;
  if (client === null || typeof client !== 'object' || typeof (client as { eval?: unknown }).eval !== 'function') {
    throw new TypeError('redisVault(): "client" must be an ioredis client (new Redis(url))');
  }
  const prefix = options.prefix ?? 'llmguard:pseudo:';
  const ttl = String(Math.max(1, Math.floor(options.ttlSeconds ?? 3600)));
  const fallback = memoryVault({ ttlMs: Number(ttl) * 1000 });
  const onError = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error hook must not fail the request.
    }
    if (options.onStoreError === 'throw') throw error;
  };
  const keys = (id: string) => [`${prefix}${id}:fwd`, `${prefix}${id}:rev`, `${prefix}${id}:n`];
  return {
    async assign(id, entries) {
      if (entries.length === 0) return [];
      try {
        const args = entries.flatMap((e) => [e.entity, e.value]);
        const result = (await client.eval(ASSIGN, 3, ...keys(id), ttl, ...args)) as string[];
        return result;
      } catch (error) {
        onError(error);
        return fallback.assign(id, entries);
      }
    },
    async load(id) {
      try {
        const [, rev] = keys(id);
        const pairs = await client.hgetall(rev as string);
        const map = new Map(Object.entries(pairs));
        for (const [p, v] of await fallback.load(id)) if (!map.has(p)) map.set(p, v);
        return map;
      } catch (error) {
        onError(error);
        return fallback.load(id);
      }
    },
    async clear(id) {
      await fallback.clear(id);
      try {
        await client.del(...keys(id));
      } catch (error) {
        onError(error);
      }
    },
  };
}
