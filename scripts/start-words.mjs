#!/usr/bin/env node
// Writes packages/core/src/detectors/injection/start-words.json: for each technique signal, the
// words its pattern can start with on plain text (start-words.ts reads them off the pattern's
// syntax tree), or null when a match may start elsewhere. The detector tries a pattern only where
// those words occur. Run after changing a pattern in techniques.ts; start-words.test.ts fails
// while the file is out of date.
//
//   node scripts/start-words.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'packages/core/src/detectors/injection');
const bundle = await build({
  stdin: { contents: "export { startWords } from './start-words.ts'; export { SIGNALS } from './techniques.ts';", resolveDir: dir, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'silent',
});
// Everything is bundled (the parser too), so the bundle imports nothing and runs from a data: URL.
const { startWords, SIGNALS } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const out = {};
for (const s of SIGNALS) out[s.id] = startWords(s.pattern);
// One line per signal, in the order of techniques.ts.
const lines = Object.entries(out).map(([id, words]) => `  ${JSON.stringify(id)}: ${JSON.stringify(words)}`);
writeFileSync(join(dir, 'start-words.json'), `{\n${lines.join(',\n')}\n}\n`);
const read = Object.values(out).filter((w) => w !== null).length;
console.log(`start-words.json: ${read} of ${SIGNALS.length} patterns start at known words`);
