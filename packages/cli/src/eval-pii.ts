import { type DetectorMatch, kindMatchesPresidio, piiDetector, type PiiDetector, presidioKnownEntity, presidioPhoneRegion } from '@llmguard/core';
import { FINDING_THRESHOLD, type InputError, ratio, readJsonl, Timer, TIMING_PASSES } from './eval-support.js';

interface Entity {
  type: string;
  start: number;
  end: number;
}

interface Row {
  text: string;
  entities: Entity[];
  annotatedTypes: string[] | undefined;
}

interface TypeCounts {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

function checkRow(row: unknown): Row | string {
  const r = row as { text?: unknown; entities?: unknown; annotated_types?: unknown };
  if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || !Array.isArray(r.entities)) return 'expected {"text": string, "entities": [{type, start, end}], "annotated_types"?: [string]}';
  const entities: Entity[] = [];
  for (const e of r.entities as unknown[]) {
    const x = e as { type?: unknown; start?: unknown; end?: unknown };
    if (typeof x !== 'object' || x === null || typeof x.type !== 'string' || !Number.isInteger(x.start) || !Number.isInteger(x.end) || (x.end as number) <= (x.start as number)) {
      return 'each entity needs {"type": string, "start": int, "end": int > start}';
    }
    entities.push({ type: x.type, start: x.start as number, end: x.end as number });
  }
  if (r.annotated_types !== undefined && (!Array.isArray(r.annotated_types) || r.annotated_types.some((t) => typeof t !== 'string'))) return '"annotated_types" must be an array of strings';
  return { text: r.text, entities, annotatedTypes: r.annotated_types as string[] | undefined };
}

/** A span counts for a gold entity when it covers at least half of it. */
function covers(m: { start: number; end: number }, gold: Entity): boolean {
  const overlap = Math.min(m.end, gold.end) - Math.max(m.start, gold.start);
  return overlap > 0 && overlap * 2 >= gold.end - gold.start;
}

function withRates(type: string, c: TypeCounts) {
  return { type, gold: c.gold, found: c.found, predicted: c.predicted, correct: c.correct, recall: ratio(c.found, c.gold), precision: ratio(c.correct, c.predicted) };
}

function table(counts: Map<string, TypeCounts>) {
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, c]) => withRates(type, c));
}

/**
 * `llmguard eval --task pii FILE.jsonl ...`: per Presidio entity type, gold entities found (a
 * finding of a mapped kind, at or above the default threshold, covering at least half of the
 * entity) and predictions that are correct (covering at least half of a gold entity of the type).
 * Where a row has `annotated_types`, only those types count in it; elsewhere the types counted
 * are the ones the file annotates anywhere. Types with no mapped kind count as gold, never found.
 */
/** Detector calls made before timing (the injection and secrets tasks warm up with 20,000 rows too). */
const WARM_UP_CALLS = 20_000;

export function evaluatePii(files: readonly string[], fail: InputError): string {
  if (files.length === 0) throw fail('eval needs at least one FILE.jsonl');
  const inputs = files.map((file) => {
    const rows = readJsonl(file, checkRow, fail);
    // The types a row counts for: its `annotated_types`, else every type the file annotates.
    const fileTypes = new Set<string>();
    for (const row of rows) {
      for (const e of row.entities) fileTypes.add(e.type);
      for (const t of row.annotatedTypes ?? []) fileTypes.add(t);
    }
    return { file, rows, fileTypes: [...fileTypes] };
  });
  // Rows counted only for a country's phone type (TR_PHONE_NUMBER, PH_MOBILE_NUMBER) are scanned
  // by the detector configured for that country, like Presidio's country recognizers; rows counted
  // only for a format reported next to a context word (US_PASSPORT, US_DRIVER_LICENSE, ...) by the
  // detector told the text holds it, like Presidio's recognizer tests; every other row by the
  // default detector.
  const detectors = new Map<string, PiiDetector>([['|', piiDetector()]]);
  const detectorFor = (types: readonly string[]): PiiDetector => {
    const region = presidioPhoneRegion(types);
    const entity = presidioKnownEntity(types);
    const key = `${region ?? ''}|${entity ?? ''}`;
    let d = detectors.get(key);
    if (d === undefined) {
      d = piiDetector({ ...(region === undefined ? {} : { phoneRegions: [region] }), ...(entity === undefined ? {} : { knownEntities: [entity] }) });
      detectors.set(key, d);
    }
    return d;
  };
  // Untimed passes first (at least one, and 20,000 calls as for the other tasks), so timings
  // describe a long-running server rather than the JIT warming up.
  let calls = 0;
  do {
    for (const { rows, fileTypes } of inputs) {
      for (const row of rows) {
        detectorFor(row.annotatedTypes ?? fileTypes).detect(row.text);
        calls++;
      }
    }
  } while (calls > 0 && calls < WARM_UP_CALLS);
  const timer = new Timer();
  const all = new Map<string, TypeCounts>();
  const count = (map: Map<string, TypeCounts>, type: string) => {
    let c = map.get(type);
    if (c === undefined) {
      c = { gold: 0, found: 0, predicted: 0, correct: 0 };
      map.set(type, c);
    }
    return c;
  };
  const perFile = inputs.map(({ file, rows, fileTypes }) => {
    const counts = new Map<string, TypeCounts>();
    for (const t of fileTypes) count(counts, t);
    for (const row of rows) {
      const types = row.annotatedTypes ?? fileTypes;
      const detector = detectorFor(types);
      const matches: DetectorMatch[] = timer.time(row.text, () => [...detector.detect(row.text)]).filter((m) => m.score >= FINDING_THRESHOLD);
      for (const type of types) {
        const gold = row.entities.filter((e) => e.type === type);
        const predicted = matches.filter((m) => kindMatchesPresidio(type, m.kind));
        const c = count(counts, type);
        c.gold += gold.length;
        c.found += gold.filter((g) => predicted.some((m) => covers(m, g))).length;
        c.predicted += predicted.length;
        c.correct += predicted.filter((m) => gold.some((g) => covers(m, g))).length;
      }
    }
    for (const [type, c] of counts) {
      const p = count(all, type);
      p.gold += c.gold;
      p.found += c.found;
      p.predicted += c.predicted;
      p.correct += c.correct;
    }
    return { file, types: table(counts) };
  });
  for (let pass = 1; pass < TIMING_PASSES; pass++) {
    timer.nextPass();
    for (const { rows, fileTypes } of inputs) {
      for (const row of rows) {
        const detector = detectorFor(row.annotatedTypes ?? fileTypes);
        timer.time(row.text, () => [...detector.detect(row.text)]);
      }
    }
  }
  const pooled = { gold: 0, found: 0, predicted: 0, correct: 0 };
  for (const c of all.values()) {
    pooled.gold += c.gold;
    pooled.found += c.found;
    pooled.predicted += c.predicted;
    pooled.correct += c.correct;
  }
  return JSON.stringify({
    task: 'pii',
    files: perFile,
    types: table(all),
    pooled: { ...pooled, recall: ratio(pooled.found, pooled.gold), precision: ratio(pooled.correct, pooled.predicted) },
    usPerKb: timer.summary(),
  });
}
