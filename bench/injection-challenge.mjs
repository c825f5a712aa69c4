// The injection detector on nine independent challenge sets, written for this project by separate
// authors who saw neither the detector nor its training data, each half attacks (instructions
// planted in e-mails, pages, tables, code and tool output; direct hijacking and extraction;
// obfuscated and optimisation-generated jailbreaks; other languages; attacks on agents) and half
// benign texts full of the same words (chat, LLM-security and prompt-engineering talk, code and
// configs, documents, other languages):
// - injection-challenge.jsonl (300), -2 (320), -3 (300), -4 (300), -5 (300), -6 (298), -7 (300),
//   -8 (300) and -9 (300, written together by two authors; -9 is scored, not read).
// None is used for training; bench/QUALITY.md says how often each was scored during development.
//
// Usage: node bench/injection-challenge.mjs [FILE.jsonl ...]   (build @llmguard/core first)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promptInjection } from '@llmguard/core';

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) : ['injection-challenge.jsonl', 'injection-challenge-2.jsonl', 'injection-challenge-3.jsonl', 'injection-challenge-4.jsonl', 'injection-challenge-5.jsonl', 'injection-challenge-6.jsonl', 'injection-challenge-7.jsonl', 'injection-challenge-8.jsonl', 'injection-challenge-9.jsonl'].map((f) => join(here, f));
for (const file of files) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
  console.log(`${file.split('/').pop()}: ${rows.length} texts`);
  for (const preset of ['strict', 'balanced', 'permissive']) {
    const detector = promptInjection({ preset });
    const byCategory = new Map();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const row of rows) {
      const flagged = detector.explain(row.text).flagged;
      const c = byCategory.get(row.category) ?? { n: 0, flagged: 0, label: row.label };
      c.n++;
      if (flagged) c.flagged++;
      byCategory.set(row.category, c);
      if (row.label === 1) {
        if (flagged) tp++;
        else fn++;
      } else if (flagged) fp++;
      else tn++;
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(`${preset}: recall ${recall.toFixed(3)} (${tp}/${tp + fn}), false-positive rate ${(fp / (fp + tn)).toFixed(3)} (${fp}/${fp + tn}), F1 ${f1.toFixed(3)}`);
    for (const [category, c] of byCategory) console.log(`  ${category.padEnd(22)} ${c.label === 1 ? 'caught' : 'flagged'} ${c.flagged}/${c.n}`);
  }
}
