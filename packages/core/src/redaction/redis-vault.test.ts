import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisVault } from './redis-vault.js';

// A real Redis on a spare port, started and stopped by this file (see TOOLCHAIN.md).
let dir = '';
let port = 0;
let client: Redis;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
}

function ping(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let reply = '';
    socket.setTimeout(300);
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('PONG')) {
        socket.destroy();
        resolve(true);
      }
    });
    socket.connect(p, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

beforeAll(async () => {
  let binary: string;
  try {
    binary = execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    binary = '';
  }
  if (binary === '') throw new Error('redis-server is not installed: these tests need a real Redis (apt-get install -y --no-install-recommends redis-server)');
  port = await freePort();
  if (await ping(port)) throw new Error(`port ${port} already answers PING; refusing to start a second Redis there`);
  dir = mkdtempSync(join(tmpdir(), 'llmguard-redis-'));
  execFileSync(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log'), '--dir', dir]);
  for (let i = 0; i < 100 && !(await ping(port)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await ping(port))) throw new Error(`redis-server did not answer PONG on port ${port}; log: ${existsSync(join(dir, 'redis.log')) ? readFileSync(join(dir, 'redis.log'), 'utf8') : '(none)'}`);
  client = new Redis({ port, host: '127.0.0.1', lazyConnect: false });
}, 20_000);

afterAll(async () => {
  await client?.quit().catch(() => undefined);
  const pidFile = join(dir, 'redis.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (pid > 0) {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    }
  }
  for (let i = 0; i < 40 && port > 0 && (await ping(port)); i++) await new Promise((r) => setTimeout(r, 50));
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('redisVault()', () => {
  it('numbers placeholders per entity and keeps them stable across processes sharing Redis', async () => {
    const other = new Redis({ port, host: '127.0.0.1' });
    try {
      const a = redisVault({ client, prefix: 't1:' });
      const b = redisVault({ client: other, prefix: 't1:' });
      expect(await a.assign('conv', [{ entity: 'EMAIL', value: 'a@example.org' }, { entity: 'PERSON_NAME', value: 'Ada' }])).toEqual(['<EMAIL_1>', '<PERSON_NAME_1>']);
      expect(await b.assign('conv', [{ entity: 'EMAIL', value: 'b@example.org' }, { entity: 'EMAIL', value: 'a@example.org' }])).toEqual(['<EMAIL_2>', '<EMAIL_1>']);
      expect(Object.fromEntries(await a.load('conv'))).toEqual({ '<EMAIL_1>': 'a@example.org', '<PERSON_NAME_1>': 'Ada', '<EMAIL_2>': 'b@example.org' });
    } finally {
      await other.quit();
    }
  });

  it('assigns atomically under concurrent requests', async () => {
    const vault = redisVault({ client, prefix: 't2:' });
    const values = Array.from({ length: 20 }, (_, i) => `user${i % 5}@example.org`);
    const results = await Promise.all(values.map((value) => vault.assign('conv', [{ entity: 'EMAIL', value }])));
    const byValue = new Map<string, string>();
    results.forEach(([p], i) => {
      const v = values[i] as string;
      expect(byValue.get(v) ?? p).toBe(p);
      byValue.set(v, p as string);
    });
    expect(new Set(byValue.values()).size).toBe(5);
  });

  it('sets a TTL on every key and forgets a cleared conversation', async () => {
    const vault = redisVault({ client, prefix: 't3:', ttlSeconds: 120 });
    await vault.assign('conv', [{ entity: 'EMAIL', value: 'a@example.org' }]);
    for (const suffix of ['fwd', 'rev', 'n']) {
      const ttl = await client.ttl(`t3:conv:${suffix}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120);
    }
    await vault.clear('conv');
    expect((await vault.load('conv')).size).toBe(0);
  });

  it('falls back to memory when Redis is unreachable, and reports the error', async () => {
    const dead = new Redis({ port: await freePort(), host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    const errors: unknown[] = [];
    const vault = redisVault({ client: dead, onError: (e) => errors.push(e) });
    expect(await vault.assign('c', [{ entity: 'EMAIL', value: 'a@example.org' }])).toEqual(['<EMAIL_1>']);
    expect(await vault.assign('c', [{ entity: 'EMAIL', value: 'a@example.org' }])).toEqual(['<EMAIL_1>']);
    expect(Object.fromEntries(await vault.load('c'))).toEqual({ '<EMAIL_1>': 'a@example.org' });
    expect(errors.length).toBeGreaterThan(0);
    const strict = redisVault({ client: dead, onStoreError: 'throw' });
    await expect(strict.assign('c', [{ entity: 'EMAIL', value: 'x@example.org' }])).rejects.toBeTruthy();
    dead.disconnect();
  });

  it('rejects a client that is not an ioredis client', () => {
    expect(() => redisVault({ client: {} as never })).toThrow(/ioredis client/);
  });
});
