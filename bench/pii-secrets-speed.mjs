#!/usr/bin/env node
// Speed of the PII and secret detectors (the full default piiDetector() + secretsDetector()).
//
// Usage: node bench/pii-secrets-speed.mjs     (build @llmguard/core first: npm run build)
// Prints µs per KiB of UTF-8 (p50/p99 over messages of each message's median of three timed
// passes, bench/timing.mjs, after 20,000 warm-up calls) for
//  - "ordinary chat": chat messages written for this bench (questions, replies, the odd name,
//    email or phone number), 1-6 sentences each;
//  - "prompt corpus": the benign prompt datasets in ../shared/datasets when present (long
//    instructions with code and lists; a harder, number- and keyword-dense text);
// then the same chat text at growing sizes (cost per KiB should stay flat: linear time), a
// baseline measured in the same run (one email regex over the text), and 1 MB adversarial
// inputs (target < 100 ms each). Nothing here asserts: the numbers are for reading.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { piiDetector, secretsDetector } from '@llmguard/core';
import { perKiB } from './timing.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const encoder = new TextEncoder();

// Ordinary chat, written for this bench (no dataset rows).
const SENTENCES = [
  'Can you help me write a short email to my landlord about the broken heater?',
  'Thanks, that looks good, but could you make it a bit more formal?',
  'What is the difference between a list and a tuple in Python?',
  'I am planning a trip to Lisbon in May, any tips for vegetarian food?',
  'Summarize the main points of the article I pasted above in three bullet points.',
  'My daughter is learning fractions and keeps mixing up numerators and denominators.',
  'Could you explain how compound interest works with a simple example?',
  'I tried restarting the router twice but the connection still drops every evening.',
  'Please rewrite this paragraph so it sounds friendlier and less like a legal notice.',
  'Which houseplants survive in a north-facing room with little light?',
  'We need a name for our book club, something short and a little funny.',
  'How long should I rest the dough before baking the bread?',
  'The meeting moved to Thursday at 3 pm, can you draft a note to the team?',
  'My colleague Anna Berg said the report is due next week, not tomorrow.',
  'You can reach me at sam.taylor@example.invalid if the form does not work.',
  'Call the front desk on (212) 555-0148 and ask for the late checkout.',
  'Give me five ideas for a birthday party for a seven year old.',
  'Why does my sourdough starter smell like nail polish remover?',
  'Translate "see you on Monday" into Spanish, French and German.',
  'Is it better to pay off the car loan early or put the money into savings?',
  'Write a haiku about autumn rain on a tin roof.',
  'I keep getting a permission denied error when I run the script from cron.',
  'What are the symptoms of a vitamin D deficiency, and should I see a doctor?',
  'Make the tone of this cover letter more confident without sounding arrogant.',
  'Our order number is 48213 and the parcel has not arrived after ten days.',
  'Explain the plot of the second season without spoilers for the finale.',
  'How many cups of flour are in a kilogram, roughly?',
  'Can you turn these notes into a clear agenda for Friday?',
  'The API returns a 429 status when we send more than 20 requests a second.',
  'Suggest a weekly running plan for someone training for a first 10k race.',
];

function chatMessages(count, seed = 7) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(next() * 6);
    return Array.from({ length: n }, () => SENTENCES[Math.floor(next() * SENTENCES.length)]).join(' ');
  });
}

const pii = piiDetector();
const secrets = secretsDetector();
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

// Calls before timing, as `llmguard eval` does (20,000 rows): timings describe a long-running
// server, not V8 still optimising the detector on its first few thousand texts.
const WARM_UP_CALLS = 20_000;

function measure(texts, fn) {
  for (let done = 0; done < WARM_UP_CALLS; ) for (const t of texts) if (done++ < WARM_UP_CALLS) fn(t);
  return perKiB(texts, fn);
}

function report(name, texts) {
  // Each detector alone first, then both (as a guard runs them): measured first, the pair also pays
  // for V8 still settling the detectors' call sites.
  const p = measure(texts, (t) => pii.detect(t));
  const s = measure(texts, (t) => secrets.detect(t));
  const both = measure(texts, (t) => {
    pii.detect(t);
    secrets.detect(t);
  });
  const base = measure(texts, (t) => {
    email.lastIndex = 0;
    while (email.exec(t) !== null);
  });
  const kb = texts.reduce((a, t) => a + encoder.encode(t).length, 0) / texts.length / 1024;
  console.log(`${name}: ${both.n} texts, mean ${kb.toFixed(2)} KiB`);
  console.log(`  pii+secrets  µs/KiB p50 ${both.p50.padStart(7)}  p99 ${both.p99.padStart(8)}`);
  console.log(`  pii          µs/KiB p50 ${p.p50.padStart(7)}  p99 ${p.p99.padStart(8)}`);
  console.log(`  secrets      µs/KiB p50 ${s.p50.padStart(7)}  p99 ${s.p99.padStart(8)}`);
  console.log(`  baseline     µs/KiB p50 ${base.p50.padStart(7)}  p99 ${base.p99.padStart(8)}   (one email regex)`);
}

report('ordinary chat', chatMessages(3000));

const shared = resolve(root, '../shared/datasets');
if (existsSync(shared)) {
  const files = readdirSync(shared).filter((f) => f.startsWith('injection-benign-') && f.endsWith('.jsonl'));
  const texts = files.flatMap((f) =>
    readFileSync(join(shared, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l).text),
  );
  if (texts.length > 0) report(`prompt corpus (${files.join(', ')})`, texts);
}

// Linear in size: one chat text at growing sizes.
console.log('size scaling (ordinary chat, pii+secrets):');
const long = chatMessages(4000).join(' ');
for (const size of [1024, 8 * 1024, 64 * 1024, 512 * 1024]) {
  const text = long.slice(0, size);
  const runs = Math.max(3, Math.round((256 * 1024) / size));
  pii.detect(text);
  secrets.detect(text);
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) {
    pii.detect(text);
    secrets.detect(text);
  }
  const us = Number(process.hrtime.bigint() - start) / 1000 / runs;
  console.log(`  ${String(size / 1024).padStart(4)} KiB  ${(us / (size / 1024)).toFixed(1).padStart(7)} µs/KiB`);
}

// 1 MB adversarial inputs.
const MB = 1_000_000;
// A made-up GitHub-style token per line (prefix split so this file does not look like a secret).
const fakeToken = (i) => ['gh', 'p_'].join('') + Array.from({ length: 36 }, (_, k) => 'aB3xY9qZ7wK2mN5pR8tV1cD4fG6hJ0sLeUo'[(i * 7 + k * 13 + ((i * k) % 11)) % 36]).join('');
const b64 = Buffer.from(Array.from({ length: 750_000 }, (_, i) => (i * 7919) % 251)).toString('base64');
const adversarial = {
  "'1' x 1e6": '1'.repeat(MB),
  "'a@' x 5e5": 'a@'.repeat(MB / 2),
  'base64 run': b64.slice(0, MB),
  "'A' x 1e6": 'A'.repeat(MB),
  "'1 ' x 5e5": '1 '.repeat(MB / 2),
  'digits and dots': '1.2.'.repeat(MB / 4),
  'colons and hex': 'a1:'.repeat(Math.ceil(MB / 3)).slice(0, MB),
  'key= repeated': 'key='.repeat(MB / 4),
  'capitalised words': 'Anna Berg '.repeat(MB / 10),
  'house numbers': '12 Main Street '.repeat(Math.ceil(MB / 15)).slice(0, MB),
  // Every name is checked against every address for overlap: a product when done naively.
  'names and addresses': 'Anna Berg said hi from 12 Main Street. '.repeat(Math.ceil(MB / 39)).slice(0, MB),
  // Every generic assignment is checked against the provider tokens already found.
  'token assignments': Array.from({ length: Math.ceil(MB / 48) }, (_, i) => `token=${fakeToken(i)}\n`).join('').slice(0, MB),
  'PEM header + body': `-----BEGIN PRIVATE KEY-----\n${'QUJD'.repeat(MB / 4)}`.slice(0, MB),
};
// Each input twice: the first run of a process also compiles the regexes for a 1 MB subject.
for (const [name, text] of Object.entries(adversarial)) {
  const runs = [];
  let a = 0;
  let b = 0;
  for (let i = 0; i < 2; i++) {
    let start = process.hrtime.bigint();
    a = pii.detect(text).length;
    const piiMs = Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    b = secrets.detect(text).length;
    runs.push([piiMs, Number(process.hrtime.bigint() - start) / 1e6]);
  }
  const f = (x) => x.toFixed(1).padStart(6);
  console.log(`1 MB ${name.padEnd(20)} pii ${f(runs[0][0])} / ${f(runs[1][0])} ms  secrets ${f(runs[0][1])} / ${f(runs[1][1])} ms  (first / second run; findings ${a}/${b})`);
}
