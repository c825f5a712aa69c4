import { describe, expect, it } from 'vitest';
import { piiDetector } from '../detectors/pii/pii-detector.js';
import { conversationId } from './conversation-id.js';
import { deanonymize, pseudonymize, restorable, restorePolicy } from './pseudonymize.js';
import { memoryVault } from './vault.js';

const detector = piiDetector({ entities: ['email', 'person-name', 'credit-card', 'phone'] });
const input = (text: string) => ({ text, matches: detector.detect(text) });

describe('pseudonymize()', () => {
  it('gives the same value the same placeholder across messages, numbered per entity', async () => {
    const vault = memoryVault();
    const [a, b] = await pseudonymize(vault, 'c1', [
      input('Hi, I am Maria Keller (maria.keller@example.org).'),
      input('Please email maria.keller@example.org and cc bob.stone@example.net.'),
    ]);
    expect(a).toBe('Hi, I am <PERSON_NAME_1> (<EMAIL_1>).');
    expect(b).toBe('Please email <EMAIL_1> and cc <EMAIL_2>.');
    const [c] = await pseudonymize(vault, 'c1', [input('Thanks, maria.keller@example.org')]);
    expect(c).toBe('Thanks, <EMAIL_1>');
  });

  it('keeps conversations apart', async () => {
    const vault = memoryVault();
    await pseudonymize(vault, 'c1', [input('a@example.org b@example.org')]);
    const [out] = await pseudonymize(vault, 'c2', [input('b@example.org')]);
    expect(out).toBe('<EMAIL_1>');
  });

  it('round-trips: deanonymize(pseudonymize(x)) === x', async () => {
    const vault = memoryVault();
    const text = 'Contact Maria Keller at maria.keller@example.org or (212) 555-0148, card 4529 3810 6711 2233.';
    const [pseudo] = await pseudonymize(vault, 'c', [input(text)]);
    expect(pseudo).not.toContain('maria.keller');
    expect(deanonymize(pseudo as string, await vault.load('c'))).toBe(text);
  });

  it('restores only what the policy allows (default: names and emails)', async () => {
    const vault = memoryVault();
    const [pseudo] = await pseudonymize(vault, 'c', [input('Maria Keller, maria.keller@example.org, card 4529 3810 6711 2233')]);
    const map = restorable(await vault.load('c'));
    expect(deanonymize(pseudo as string, map)).toBe('Maria Keller, maria.keller@example.org, card <CREDIT_CARD_1>');
    expect(deanonymize(pseudo as string, restorable(await vault.load('c'), restorePolicy(false)))).toBe(pseudo);
    expect([...restorable(await vault.load('c'), restorePolicy(true)).keys()]).not.toContain('<SECRET_1>');
  });
});

describe('memoryVault()', () => {
  it('expires conversations after the TTL (sliding)', async () => {
    let now = 0;
    const vault = memoryVault({ ttlMs: 1000, now: () => now });
    await vault.assign('c', [{ entity: 'EMAIL', value: 'a@example.org' }]);
    now = 900;
    expect((await vault.load('c')).size).toBe(1); // a use slides the expiry
    now = 1800;
    expect((await vault.load('c')).size).toBe(1);
    now = 3000;
    expect((await vault.load('c')).size).toBe(0);
  });

  it('drops the least recently used conversations beyond the bound', async () => {
    const vault = memoryVault({ maxConversations: 2 });
    for (const id of ['a', 'b', 'c']) await vault.assign(id, [{ entity: 'EMAIL', value: `${id}@example.org` }]);
    expect((await vault.load('a')).size).toBe(0);
    expect((await vault.load('c')).size).toBe(1);
    await vault.clear('c');
    expect((await vault.load('c')).size).toBe(0);
  });
});

describe('conversationId()', () => {
  it('is stable across turns and scoped', () => {
    const turn1 = [{ role: 'system' as const, text: 'You help.' }, { role: 'user' as const, text: 'Hello' }];
    const turn2 = [...turn1, { role: 'assistant' as const, text: 'Hi!' }, { role: 'user' as const, text: 'More' }];
    expect(conversationId(turn2)).toBe(conversationId(turn1));
    expect(conversationId(turn1, { scope: 'user-1' })).not.toBe(conversationId(turn1, { scope: 'user-2' }));
    expect(conversationId(turn1)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('pseudonymizer()', () => {
  it('wires apply and restore for one conversation', async () => {
    const { pseudonymizer } = await import('./pseudonymizer.js');
    const p = pseudonymizer({ restore: ['EMAIL'] });
    const messages = [{ role: 'user' as const, text: 'Write to maria.keller@example.org, card 4529 3810 6711 2233' }];
    const id = p.conversationOf(messages);
    const [out] = await p.apply(id, messages.map((m) => ({ text: m.text, matches: detector.detect(m.text) })));
    expect(out).toBe('Write to <EMAIL_1>, card <CREDIT_CARD_1>');
    const restore = await p.restoreFor(id);
    expect(restore?.apply('Sent to <EMAIL_1> with <CREDIT_CARD_1>')).toBe('Sent to maria.keller@example.org with <CREDIT_CARD_1>');
    expect(await p.restoreFor('other')).toBeUndefined();
    expect(p.conversationOf(messages, 'abc', 'tenant')).toBe('tenant:abc');
  });
});
