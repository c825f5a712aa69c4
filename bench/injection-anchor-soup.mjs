#!/usr/bin/env node
// Worst cases of the technique patterns: for every signal, a megabyte made of its own words (its
// anchors, its second-group anchors and the words its pattern can start with), joined by a space,
// a comma, a colon, a line break or a dash. Such a text unlocks the signal everywhere and, the
// words being prefixes and fragments, rarely completes it, so the pattern is tried from every
// start word of the megabyte. Prints the slowest inputs (best of two runs each; target < 100 ms).
//
// Usage: node bench/injection-anchor-soup.mjs [TOP]   (build @llmguard/core first; about 30 s)
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { promptInjection } from '@llmguard/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const top = Number(process.argv[2] ?? 12);

// The signal table as the detector builds it (its anchors are not part of the public API).
const bundle = await build({
  entryPoints: [join(root, 'packages/core/src/detectors/injection/techniques.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const { SIGNALS } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const startWords = JSON.parse(readFileSync(join(root, 'packages/core/src/detectors/injection/start-words.json'), 'utf8'));

const detector = promptInjection({ preset: 'balanced' });
// Warm-up: ordinary prose, then every input once, so each timing is of optimised code.
const prose = 'the quick brown fox jumps over a lazy dog while we write some ordinary prose about data tables and code'.split(' ');
for (let i = 0; i < 20_000; i++) detector.explain(Array.from({ length: 20 + (i % 60) }, (_, j) => prose[(i * 7 + j * 13) % prose.length]).join(' '));

const MB = 1_000_000;
const SEPARATORS = [' ', ', ', ': ', '\n', ' - '];
const inputs = [];
for (const s of SIGNALS) {
  const words = [...new Set([...(s.anchors ?? []), ...(s.anchors2 ?? []), ...(startWords[s.id] ?? [])])].filter((w) => /^[a-z']+$/.test(w));
  if (words.length === 0) continue;
  for (const sep of SEPARATORS) {
    const unit = words.join(sep) + sep;
    inputs.push({ signal: s.id, sep, text: unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB) });
  }
}
for (const input of inputs) detector.explain(input.text);
const results = inputs.map(({ signal, sep, text }) => {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const start = process.hrtime.bigint();
    detector.explain(text);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { signal, sep, ms: best };
});
results.sort((a, b) => b.ms - a.ms);
console.log(`${inputs.length} inputs of 1 MB (${SIGNALS.length} signals x ${SEPARATORS.length} separators), slowest first:`);
for (const r of results.slice(0, top)) console.log(`${r.ms.toFixed(1).padStart(7)} ms  ${r.signal.padEnd(28)} joined by ${JSON.stringify(r.sep)}`);
const median = results[results.length >> 1];
console.log(`median ${median.ms.toFixed(1)} ms, slowest ${results[0].ms.toFixed(1)} ms`);
