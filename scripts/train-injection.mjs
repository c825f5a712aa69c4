#!/usr/bin/env node
// Train the learned part of the prompt-injection detector and write its weights.
//
// Usage (from the repository root):
//   node scripts/train-injection.mjs [--data ../shared/datasets] [--out packages/core/src/detectors/injection/model-weights.json]
//
// Recipe (documented in packages/core/src/detectors/injection/README.md):
// - rows: every `injection-*.jsonl` in the data folder ({text, label}); nothing is copied into the repo;
// - features: the detector's own code (analyze.ts, bundled with esbuild), so training and runtime hash
//   the canonical text identically; the technique signals' logit is a fixed input (offset);
// - validation: 5-fold cross-validation; per (file, label) group, rows sorted by a hash of their
//   canonical text go to folds in turn (deterministic; identical texts share a fold), so every row is
//   scored once by a model that did not see it;
// - model: logistic regression, AdaGrad, L2, class-balanced; features seen in fewer than 3 training
//   texts keep weight zero; hyper-parameters chosen on validation;
// - calibration: the logit threshold where the validation benign false-positive rate is 1.5% becomes
//   the intercept shift, so `balanced` blocks at score 0.5;
// - the final weights are trained on all rows with the chosen settings and quantised to int8.
import { build } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dataDir = resolve(root, arg('--data', '../shared/datasets'));
const outPath = resolve(root, arg('--out', 'packages/core/src/detectors/injection/model-weights.json'));
const TARGET_FPR = Number(arg('--target-fpr', '0.015'));
const FILE_FPR = Number(arg('--file-fpr', '0.03'));
// The preset scores in packages/core/src/detectors/injection/presets.ts.
const STRICT = Number(arg('--strict', '0.25'));
const PERMISSIVE = Number(arg('--permissive', '0.6'));

if (!existsSync(dataDir)) {
  console.error(`train-injection: no data folder at ${dataDir}`);
  process.exit(2);
}
const files = readdirSync(dataDir)
  .filter((f) => f.startsWith('injection-') && f.endsWith('.jsonl'))
  .sort();
if (files.length === 0) {
  console.error(`train-injection: no injection-*.jsonl files in ${dataDir}`);
  process.exit(2);
}

// The detector's feature code, exactly as the runtime runs it.
const bundle = await build({
  entryPoints: [join(root, 'packages/core/src/detectors/injection/analyze.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const { analyze } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const FEATURE_BITS = 18;
// The learned model's share of the logit is clamped (analyze.ts does the same): padding a text with
// benign-looking filler can lower the score by at most |MODEL_MIN|, never hide a strong technique.
const MODEL_MIN = Number(process.env.MODEL_MIN ?? -5);
const MODEL_MAX = Number(process.env.MODEL_MAX ?? 8);
const WEIGHT_FLOOR = Number(process.env.WEIGHT_FLOOR ?? -1e9);
// Logit of a text whose words the model has never seen: benign unless the technique signals say otherwise.
const PRIOR = Number(process.env.PRIOR ?? -3);
const OWN_WEIGHT = Number(process.env.OWN_WEIGHT ?? 4);
// Texts with few features are little evidence: the model's share is scaled by 1/sqrt(max(n, MIN_FEATURES)).
const MIN_FEATURES = Number(process.env.MIN_FEATURES ?? 24);
const INTERCEPT_MARGIN = Number(process.env.INTERCEPT_MARGIN ?? 0.1);
const NORM = (n) => 1 / Math.sqrt(Math.max(MIN_FEATURES, n));
// A feature seen in fewer training texts than this keeps weight zero, as a word the model never saw
// (the text leans on the prior). A word met once or twice is a fact about that text, not about
// attacks: on the independent challenge sets (bench/), 3 against 1 caught 6 more of 909 attacks
// and flagged 9 fewer of 909 benign texts, at the same cross-validated recall (0.910 against 0.912).
const MIN_DF = Number(process.env.MIN_DF ?? 3);
const SIZE = 1 << FEATURE_BITS;

function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---- load and featurise ------------------------------------------------------------------------
const t0 = Date.now();
const rows = [];
for (const file of files) {
  const lines = readFileSync(join(dataDir, file), 'utf8').split('\n');
  for (const line of lines) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line);
    if (typeof row.text !== 'string' || (row.label !== 0 && row.label !== 1)) continue;
    const indices = [];
    const a = analyze(row.text, null, indices);
    rows.push({ text: row.text, hits: a.hits.map((h) => h.signal).join(','), file: basename(file), label: row.label, rule: a.ruleLogit, idx: Int32Array.from(indices), norm: NORM(indices.length), key: fnv(a.canonical.text) });
  }
}
// Our own hard negatives (benign texts full of trigger words), written for this project.
const ownNegatives = join(root, 'scripts/injection-hard-negatives.txt');
if (existsSync(ownNegatives)) {
  for (const raw of readFileSync(ownNegatives, 'utf8').split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    // A literal \n inside a line is a line break (multi-line texts such as e-mails).
    const line = raw.replace(/\\n/g, '\n');
    const indices = [];
    const a = analyze(line, null, indices);
    rows.push({ text: line, hits: a.hits.map((h) => h.signal).join(','), file: 'own-hard-negatives', label: 0, rule: a.ruleLogit, idx: Int32Array.from(indices), norm: NORM(indices.length), key: fnv(a.canonical.text) });
  }
}
// Our own labelled examples (attacks and benign texts, {text, label} per line), written for this
// project: indirect injections in e-mails, pages, tables, code and tool output, agent attacks,
// multilingual overrides and extraction, obfuscated and optimised jailbreaks, and benign texts that
// use the same words (security discussions, prompt engineering, role-play, code, documents).
const ownExamples = join(root, 'scripts/injection-own-examples.jsonl');
if (existsSync(ownExamples)) {
  for (const line of readFileSync(ownExamples, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line);
    const indices = [];
    const a = analyze(row.text, null, indices);
    rows.push({ text: row.text, hits: a.hits.map((h) => h.signal).join(','), file: 'own-examples', label: row.label, rule: a.ruleLogit, idx: Int32Array.from(indices), norm: NORM(indices.length), key: fnv(a.canonical.text) });
  }
}
console.log(`loaded ${rows.length} rows from ${files.length} files (and our own examples) in ${Date.now() - t0} ms`);

// ---- deterministic stratified split -------------------------------------------------------------
const groups = new Map();
for (const r of rows) {
  const g = `${r.file}|${r.label}`;
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g).push(r);
}
const FOLDS = 5;
for (const list of groups.values()) {
  list.sort((a, b) => a.key - b.key);
  // Our own texts only train (fold -1); validation measures the development data alone.
  list.forEach((r, i) => (r.fold = r.file.startsWith('own-') ? -1 : i % FOLDS));
}
// Identical texts (within or across files) share a fold.
const foldOf = new Map();
for (const r of rows) {
  if (r.fold < 0) continue;
  if (foldOf.has(r.key)) r.fold = foldOf.get(r.key);
  else foldOf.set(r.key, r.fold);
}
const heldOut = rows.filter((r) => r.fold >= 0);
console.log(`${FOLDS}-fold cross-validation over ${heldOut.length} rows (each held back once), plus ${rows.length - heldOut.length} training-only rows`);

/** Out-of-fold logits: for each fold, a model trained on the other folds scores it. */
function crossValidate(hp) {
  const scored = [];
  let rs = 0;
  for (let k = 0; k < FOLDS; k++) {
    const m = trainModel(
      rows.filter((r) => r.fold !== k),
      hp,
    );
    rs += m.rs / FOLDS;
    for (const r of rows) if (r.fold === k) scored.push({ file: r.file, label: r.label, z: logit(m, r), base: base(m, r), r });
  }
  return { scored, rs };
}

// ---- logistic regression with AdaGrad -----------------------------------------------------------
function trainModel(data, { l2, epochs, lr, seed }) {
  const w = new Float32Array(SIZE);
  const g2 = new Float32Array(SIZE).fill(1e-6);
  let b = -2;
  let rs = 1;
  let gb = 1e-6;
  let grs = 1e-6;
  // Each (file, label) group weighs in proportion to the square root of its size, and both labels
  // weigh the same in total: a large easy file (thousands of code questions) must not drown the
  // hard negatives ("Act as ..." prompts) or the small attack sets.
  const size = new Map();
  for (const r of data) size.set(`${r.file}|${r.label}`, (size.get(`${r.file}|${r.label}`) ?? 0) + 1);
  // Our own hard negatives count OWN_WEIGHT times more: they stand for the benign traffic full of
  // trigger words that the development data lacks (short requests that say "pretend", "forget", "rules").
  const raw = data.map((r) => (r.file.startsWith('own-') ? OWN_WEIGHT : 1) / Math.sqrt(size.get(`${r.file}|${r.label}`)));
  const total = [0, 0];
  data.forEach((r, i) => (total[r.label] += raw[i]));
  const rowWeight = data.map((r, i) => (raw[i] * data.length) / 2 / total[r.label]);
  const order = data.map((_, i) => i);
  const df = new Uint16Array(SIZE);
  if (MIN_DF > 1) for (const r of data) for (let j = 0; j < r.idx.length; j++) if (df[r.idx[j]] < 65535) df[r.idx[j]]++;
  let state = seed >>> 0;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const r = data[k];
      let s = 0;
      for (let j = 0; j < r.idx.length; j++) s += w[r.idx[j]];
      const m = s * r.norm;
      const clamped = m < MODEL_MIN || m > MODEL_MAX;
      const z = b + rs * r.rule + Math.min(MODEL_MAX, Math.max(MODEL_MIN, m));
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - r.label) * rowWeight[k];
      // Outside the clamp the features get no gradient (the runtime clamps the same way).
      const gf = clamped ? 0 : g * r.norm;
      for (let j = 0; j < r.idx.length; j++) {
        const f = r.idx[j];
        if (MIN_DF > 1 && df[f] < MIN_DF) continue;
        const grad = gf + l2 * w[f];
        g2[f] += grad * grad;
        w[f] -= (lr * grad) / Math.sqrt(g2[f]);
        // Evidence, not its absence: feature weights stay above WEIGHT_FLOOR, so a text with no
        // known words scores near the intercept (benign) instead of inheriting the training mix.
        if (w[f] < WEIGHT_FLOOR) w[f] = WEIGHT_FLOOR;
      }
      gb += g * g;
      b -= (lr * g) / Math.sqrt(gb);
      const gr = g * r.rule;
      grs += gr * gr;
      rs -= (0.2 * lr * gr) / Math.sqrt(grs);
      if (rs < 0.3) rs = 0.3;
    }
  }
  return { w, b, rs };
}

/**
 * The intercept part of a row's logit: the model's intercept, leaning on the prior (as analyze.ts
 * does) for words the model never saw and, in proportion to how far it falls short of
 * MIN_FEATURES, for a short text.
 */
function base(m, r) {
  let known = 0;
  for (let j = 0; j < r.idx.length; j++) if (m.w[r.idx[j]] !== 0) known++;
  const c = r.idx.length > 0 ? (known / r.idx.length) * Math.min(1, r.idx.length / MIN_FEATURES) : 0;
  return c * m.b + (1 - c) * PRIOR;
}

function logit(m, r) {
  let s = 0;
  for (let j = 0; j < r.idx.length; j++) s += m.w[r.idx[j]];
  return base(m, r) + m.rs * r.rule + Math.min(MODEL_MAX, Math.max(MODEL_MIN, s * r.norm));
}

/** Logit threshold at which the benign false-positive rate is at most `fpr`. */
function thresholdAt(scored, fpr) {
  const neg = scored.filter((s) => s.label === 0).map((s) => s.z).sort((a, b) => b - a);
  const k = Math.floor(neg.length * fpr);
  return (neg[k] ?? -Infinity) + 1e-6;
}

/**
 * The balanced operating point: pooled benign FPR at most TARGET_FPR, and at most FILE_FPR on each
 * benign-only file (the hard-negative sets, e.g. "Act as ..." role prompts).
 */
function balancedThreshold(scored) {
  let thr = thresholdAt(scored, TARGET_FPR);
  const benignOnly = new Map();
  for (const s of scored) benignOnly.set(s.file, (benignOnly.get(s.file) ?? true) && s.label === 0);
  for (const [file, only] of benignOnly) if (only) thr = Math.max(thr, thresholdAt(scored.filter((s) => s.file === file), FILE_FPR));
  return thr;
}

function metrics(scored, thr) {
  const byFile = new Map();
  const pooled = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const s of scored) {
    if (!byFile.has(s.file)) byFile.set(s.file, { tp: 0, fp: 0, tn: 0, fn: 0 });
    const m = byFile.get(s.file);
    const pred = s.z >= thr;
    const key = pred ? (s.label ? 'tp' : 'fp') : s.label ? 'fn' : 'tn';
    m[key]++;
    pooled[key]++;
  }
  const rates = (m) => {
    const tpr = m.tp + m.fn > 0 ? m.tp / (m.tp + m.fn) : null;
    const fpr = m.fp + m.tn > 0 ? m.fp / (m.fp + m.tn) : null;
    const precision = m.tp + m.fp > 0 ? m.tp / (m.tp + m.fp) : null;
    const f1 = precision !== null && tpr !== null && precision + tpr > 0 ? (2 * precision * tpr) / (precision + tpr) : null;
    return { ...m, tpr, fpr, precision, f1 };
  };
  return { files: [...byFile].map(([file, m]) => ({ file, ...rates(m) })), pooled: rates(pooled) };
}

const fmt = (x) => (x === null ? '  -  ' : x.toFixed(3));
function report(title, scored, thr) {
  const m = metrics(scored, thr);
  console.log(`\n${title}`);
  for (const f of m.files) console.log(`  ${f.file.padEnd(48)} n=${String(f.tp + f.fp + f.tn + f.fn).padStart(5)} tpr=${fmt(f.tpr)} fpr=${fmt(f.fpr)} f1=${fmt(f.f1)}`);
  const p = m.pooled;
  console.log(`  ${'pooled'.padEnd(48)} n=${String(p.tp + p.fp + p.tn + p.fn).padStart(5)} tpr=${fmt(p.tpr)} fpr=${fmt(p.fpr)} f1=${fmt(p.f1)}`);
  return m;
}

// ---- model selection on the validation split ---------------------------------------------------
const grid = [];
// L2 from 3e-4. Lower L2 leans more on wording and less on the technique signals (ruleScale drops),
// so it was checked on the six independent challenge sets in bench/ (other sources, never trained
// on). The choice (3e-4, 12 epochs) against the best at 1e-3 (8 epochs): sets 1-5, 13 more attacks
// caught and 10 more false positives in 760 + 760; set 6, 4 more attacks and 4 fewer false
// positives in 149 + 149. Planted attacks (bench/embedded-injection.mjs, with passages): 0.90 both.
for (const l2 of [3e-4, 1e-3, 3e-3, 1e-2]) for (const epochs of [8, 12]) grid.push({ l2, epochs, lr: 0.5, seed: 7 });
let best = null;
for (const hp of grid) {
  const { scored, rs } = crossValidate(hp);
  const m = { rs };
  const thr = balancedThreshold(scored);
  // Judged as shipped: with the intercept capped (below).
  capIntercept(scored, thr);
  const res = metrics(scored, thr);
  // Recall at the target FPR, and the worst per-file F1 over files with attacks.
  const minF1 = Math.min(...res.files.filter((f) => f.tp + f.fn > 0).map((f) => f.f1 ?? 0));
  const objective = res.pooled.tpr + 0.25 * minF1;
  console.log(`l2=${hp.l2} epochs=${hp.epochs}: val recall=${fmt(res.pooled.tpr)} fpr=${fmt(res.pooled.fpr)} (threshold at fpr ${TARGET_FPR} before the cap) minF1=${fmt(minF1)} thr=${thr.toFixed(3)} ruleScale=${m.rs.toFixed(3)}`);
  if (best === null || objective > best.objective) best = { hp, objective, thr, scored };
}
console.log(`\nchosen: l2=${best.hp.l2} epochs=${best.hp.epochs}`);
// Evidence, not the base rate, flags a text: the intercept part of the logit is capped at
// INTERCEPT_MARGIN below the threshold, so a text with neither a technique signal nor model evidence
// scores below 0.5 whatever the class mix of the training data made the intercept (analyze.ts caps
// the same way). The threshold stays where it was; the tables below are measured with the cap.
const interceptCap = best.thr - INTERCEPT_MARGIN;
function capIntercept(scored, thr) {
  for (const x of scored) x.z -= Math.max(0, x.base - (thr - INTERCEPT_MARGIN));
}
if (args.includes('--debug')) {
  // Hardest validation rows (printed for the developer, never written anywhere).
  const z = best.scored;
  const fp = z.filter((x) => x.r.label === 0).sort((a, b) => b.z - a.z).slice(0, 12);
  const fn = z.filter((x) => x.r.label === 1).sort((a, b) => a.z - b.z).slice(0, 25);
  for (const x of [...fp, ...fn]) console.log(`${x.r.label ? 'FN' : 'FP'} z=${(x.z - best.thr).toFixed(2)} rule=${x.r.rule.toFixed(1)} ${x.r.file.slice(10, 24)} [${x.r.hits}] ${JSON.stringify(x.r.text.slice(0, 160))}`);
}
// Rules alone on the same split, for comparison.
report('cross-validated, technique signals alone (threshold 3)', heldOut.map((r) => ({ file: r.file, label: r.label, z: r.rule })), 3);
report(`cross-validated, combined model at the balanced threshold (benign FPR target ${TARGET_FPR})`, best.scored, best.thr);
// Where strict (pooled benign FPR about 4%) and permissive (about 0.5%) would sit, as scores on the
// balanced-calibrated scale: presets.ts holds these numbers, rounded.
const sig = (x) => 1 / (1 + Math.exp(-x));
const strictAt = thresholdAt(best.scored, 0.04);
const permissiveAt = Math.max(thresholdAt(best.scored, 0.005), best.thr);
console.log(`suggested preset scores: strict ${sig(strictAt - best.thr).toFixed(3)}, balanced 0.5, permissive ${sig(permissiveAt - best.thr).toFixed(3)}`);
const strictThr = best.thr + Math.log(STRICT / (1 - STRICT));
const permissiveThr = best.thr + Math.log(PERMISSIVE / (1 - PERMISSIVE));
report(`cross-validated, strict (score >= ${STRICT})`, best.scored, strictThr);
report(`cross-validated, permissive (score >= ${PERMISSIVE})`, best.scored, permissiveThr);

// ---- final model on all rows ---------------------------------------------------------------------
const final = trainModel(rows, best.hp);
let maxAbs = 0;
for (let i = 0; i < SIZE; i++) maxAbs = Math.max(maxAbs, Math.abs(final.w[i]));
const scale = maxAbs / 127 || 1;
const q = new Int8Array(SIZE);
for (let i = 0; i < SIZE; i++) q[i] = Math.max(-127, Math.min(127, Math.round(final.w[i] / scale)));
const out = {
  version: 1,
  featureBits: FEATURE_BITS,
  scale,
  // The cross-validated threshold is subtracted from the logit: `balanced` (score 0.5) is logit 0.
  intercept: final.b,
  interceptCap,
  prior: PRIOR,
  threshold: best.thr,
  ruleScale: final.rs,
  trainedOn: files,
  rows: rows.length,
  hyperParameters: best.hp,
  minFeatures: MIN_FEATURES,
  modelMin: MODEL_MIN,
  modelMax: MODEL_MAX,
  weights: Buffer.from(q.buffer).toString('base64'),
};
writeFileSync(outPath, `${JSON.stringify(out)}\n`);
console.log(`\nwrote ${outPath} (${(JSON.stringify(out).length / 1024).toFixed(0)} KiB), scale=${scale.toExponential(3)} intercept=${out.intercept.toFixed(3)} cap=${interceptCap.toFixed(3)} threshold=${out.threshold.toFixed(3)} ruleScale=${final.rs.toFixed(3)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
