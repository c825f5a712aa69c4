#!/usr/bin/env node
// Indirect injection: attacks planted in documents (an e-mail, a tagged page, a page pasted after a
// request, a code comment), scored by the whole-text detector and with passage scoring.
//
// Usage: node bench/embedded-injection.mjs [N]   (build @llmguard/core first; needs ../shared/datasets)
// Builds N documents from the development data in memory (nothing is written): benign bodies are
// benign prompts of 200-1200 characters, the planted paragraph an attack of under 400 characters.
// Prints recall on the documents with the attack, false-positive rate on the same documents
// without it, and the attack's own recall for reference. The model was trained on these attack and
// benign rows, so the numbers measure dilution by the document (whole text vs passages), not
// generalisation.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promptInjection } from '@llmguard/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/datasets');
if (!existsSync(shared)) {
  console.error('bench/embedded-injection.mjs needs the development data in ../shared/datasets');
  process.exit(0);
}
const rows = (f) =>
  readFileSync(join(shared, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
const benign = rows('injection-benign-gpteacher.jsonl')
  .map((r) => r.text)
  .filter((t) => t.length > 200 && t.length < 1200);
const attacks = ['injection-deepset.jsonl', 'injection-jackhhao.jsonl', 'injection-garak.jsonl', 'injection-llmguard-tests.jsonl', 'injection-giskard.jsonl']
  .flatMap(rows)
  .filter((r) => r.label === 1 && r.text.length < 400)
  .map((r) => r.text);

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (list) => list[Math.floor(random() * list.length)];
const templates = {
  email: (a, b, x) => `Summarize this email for me.\n\nFrom: dana@example.org\nTo: team@example.org\nSubject: Quarterly notes\n\n${a}\n\n${x}\n\n${b}\n\nBest,\nDana`,
  'tagged document': (a, b, x) => `<document>\n${a}\n\n${x}\n\n${b}\n</document>\nWhat are the key points of the document above?`,
  'pasted page': (a, b, x) => `Here is the page content:\n\n${a}\n\n${x}\n\n${b}\n\nTranslate it into French.`,
  'code comment': (a, b, x) => `Review this code:\n\`\`\`python\n# ${a.slice(0, 200).replace(/\n/g, ' ')}\n\n# ${x.replace(/\n/g, ' ')}\ndef f(x):\n    return x * 2\n\`\`\`\n\n${b}`,
};

const n = Number(process.argv[2] ?? 800);
const whole = promptInjection({ passages: false });
const withPassages = promptInjection();
const stats = {};
for (let i = 0; i < n; i++) {
  const name = pick(Object.keys(templates));
  const make = templates[name];
  const a = pick(benign);
  const b = pick(benign);
  const x = pick(attacks);
  const s = (stats[name] ??= { n: 0, alone: 0, whole: 0, passages: 0, fpWhole: 0, fpPassages: 0 });
  s.n++;
  if (whole.explain(x).flagged) s.alone++;
  const attacked = make(a, b, x);
  const clean = make(a, b, '');
  if (whole.explain(attacked).flagged) s.whole++;
  if (withPassages.explain(attacked).flagged) s.passages++;
  if (whole.explain(clean).flagged) s.fpWhole++;
  if (withPassages.explain(clean).flagged) s.fpPassages++;
}
const rate = (k, d) => (d === 0 ? null : Number((k / d).toFixed(3)));
const table = Object.entries(stats).map(([template, s]) => ({
  template,
  n: s.n,
  attackAloneRecall: rate(s.alone, s.n),
  recallWhole: rate(s.whole, s.n),
  recallPassages: rate(s.passages, s.n),
  fprWhole: rate(s.fpWhole, s.n),
  fprPassages: rate(s.fpPassages, s.n),
}));
const sum = (k) => Object.values(stats).reduce((acc, s) => acc + s[k], 0);
table.push({ template: 'pooled', n, attackAloneRecall: rate(sum('alone'), n), recallWhole: rate(sum('whole'), n), recallPassages: rate(sum('passages'), n), fprWhole: rate(sum('fpWhole'), n), fprPassages: rate(sum('fpPassages'), n) });
console.table(table);
