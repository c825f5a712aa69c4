import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePii } from './eval-pii.js';
import { evaluateSecrets } from './eval-secrets.js';

const dir = mkdtempSync(join(tmpdir(), 'llmguard-eval-'));
const file = (name: string, rows: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
  return path;
};
const fail = (message: string) => new Error(`input: ${message}`);
// A fake token built at run time.
const token = `ghp_${'Zq8rT2vW5yB1nM4kL7xC0s9dF3gH6jK'.padEnd(36, 'P')}`;

describe('eval --task secrets', () => {
  it('counts flagged rows against labels, per file and pooled, with timing', () => {
    const path = file('s.jsonl', [
      { text: `GITHUB_TOKEN=${token}`, label: 1 },
      { text: 'nothing to see here', label: 0 },
      { text: 'plain text with a token word', label: 1 },
    ]);
    const out = JSON.parse(evaluateSecrets([path], fail));
    expect(out.task).toBe('secrets');
    expect(out.files[0]).toMatchObject({ file: path, n: 3, tp: 1, fn: 1, tn: 1, fp: 0, tpr: 0.5, fpr: 0 });
    expect(out.pooled).toMatchObject({ n: 3, tp: 1 });
    expect(out.usPerKb.p50).toBeGreaterThan(0);
  });

  it('reports bad input through the given error', () => {
    expect(() => evaluateSecrets([file('bad.jsonl', [{ text: 1 }])], fail)).toThrow(/input: .*expected \{"text": string, "label": 0\|1\}/);
    expect(() => evaluateSecrets([], fail)).toThrow(/at least one FILE/);
  });
});

describe('eval --task pii', () => {
  it('scores per Presidio type with the half-overlap rule and annotated_types', () => {
    const text = 'Mail robin.example@example.invalid or call (212) 555-0148';
    const path = file('p.jsonl', [
      { text, entities: [{ type: 'EMAIL_ADDRESS', start: 5, end: 34 }, { type: 'PHONE_NUMBER', start: 43, end: 57 }] },
      // Only EMAIL_ADDRESS counts in this row: the phone prediction is ignored here.
      { text, entities: [{ type: 'EMAIL_ADDRESS', start: 5, end: 34 }], annotated_types: ['EMAIL_ADDRESS'] },
      { text: 'ORG Acme Corp', entities: [{ type: 'ORGANIZATION', start: 4, end: 13 }] },
    ]);
    const out = JSON.parse(evaluatePii([path], fail));
    expect(out.task).toBe('pii');
    const byType = Object.fromEntries(out.types.map((t: { type: string }) => [t.type, t]));
    expect(byType.EMAIL_ADDRESS).toEqual({ type: 'EMAIL_ADDRESS', gold: 2, found: 2, predicted: 2, correct: 2, recall: 1, precision: 1 });
    expect(byType.PHONE_NUMBER).toEqual({ type: 'PHONE_NUMBER', gold: 1, found: 1, predicted: 1, correct: 1, recall: 1, precision: 1 });
    expect(byType.ORGANIZATION).toMatchObject({ gold: 1, found: 0, recall: 0, precision: null });
    expect(out.pooled).toMatchObject({ gold: 4, found: 3 });
    expect(out.files[0].types.length).toBe(3);
    expect(Object.keys(out)).toEqual(['task', 'files', 'types', 'pooled', 'usPerKb']);
  });

  it("scans rows annotated only for a country's phone type with that country's numbering plan", () => {
    const path = file('tr.jsonl', [
      // A Van fixed line: invalid in the US, valid in TR.
      { text: '4321234567', entities: [{ type: 'TR_PHONE_NUMBER', start: 0, end: 10 }], annotated_types: ['TR_PHONE_NUMBER'] },
      // A valid US number, not a Turkish one.
      { text: '6123456789', entities: [], annotated_types: ['TR_PHONE_NUMBER'] },
      // The same number in a row about phone numbers in general is read with the default hints.
      { text: '6123456789', entities: [{ type: 'PHONE_NUMBER', start: 0, end: 10 }], annotated_types: ['PHONE_NUMBER'] },
    ]);
    const out = JSON.parse(evaluatePii([path], fail));
    const byType = Object.fromEntries(out.types.map((t: { type: string }) => [t.type, t]));
    expect(byType.TR_PHONE_NUMBER).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
    expect(byType.PHONE_NUMBER).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
  });

  it("reads a file annotated only for a country's phone type with that country's plan, even without annotated_types", () => {
    const path = file('tr-file.jsonl', [
      { text: '4321234567', entities: [{ type: 'TR_PHONE_NUMBER', start: 0, end: 10 }] },
      { text: '6123456789', entities: [] },
    ]);
    const out = JSON.parse(evaluatePii([path], fail));
    expect(out.types).toEqual([{ type: 'TR_PHONE_NUMBER', gold: 1, found: 1, predicted: 1, correct: 1, recall: 1, precision: 1 }]);
  });

  it('scans rows annotated only for a passport or licence type as known to hold it; other rows need the context word', () => {
    const path = file('ids.jsonl', [
      { text: '912803456', entities: [{ type: 'US_PASSPORT', start: 0, end: 9 }], annotated_types: ['US_PASSPORT'] },
      { text: 'ABCDEFG ABCDEFGH', entities: [], annotated_types: ['US_DRIVER_LICENSE'] },
      { text: '1234567890 1234', entities: [{ type: 'US_DRIVER_LICENSE', start: 0, end: 10 }], annotated_types: ['US_DRIVER_LICENSE'] },
      // Free text about several types: a bare number is no passport.
      { text: 'ref 812803456, mail a@example.org', entities: [{ type: 'EMAIL_ADDRESS', start: 19, end: 32 }], annotated_types: ['US_PASSPORT', 'EMAIL_ADDRESS'] },
    ]);
    const out = JSON.parse(evaluatePii([path], fail));
    const byType = Object.fromEntries(out.types.map((t: { type: string }) => [t.type, t]));
    expect(byType.US_PASSPORT).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
    expect(byType.US_DRIVER_LICENSE).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
    expect(byType.EMAIL_ADDRESS).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1 });
  });
});
