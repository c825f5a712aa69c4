#!/usr/bin/env node
/**
 * HTTP throughput of the Express example with and without llmguard, measured in the same run.
 *
 *   npm run build && npm run bench          (from the repository root)
 *   BENCH_SECONDS=30 npm run bench          (longer runs, steadier numbers)
 *
 * Each app runs in its own child process (so the load generator and the other app never share its
 * event loop) and is loaded one at a time: warm-up, then ABBA slices (bare, guarded, guarded, bare;
 * the next scenario starts with guarded) so that drift (CPU boost, GC, page cache) hits both alike.
 * Latencies are recorded per response in float milliseconds (autocannon's histogram rounds to 1 ms).
 * See README.md in this directory.
 */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROUTE = '/v1/chat/completions';
/** The app to measure: a module exporting `createApp({ guard })` (an Express app or a Koa app). */
const APP_MODULE = process.env.BENCH_APP || '@llmguard/example-express-chat';

// ---------------------------------------------------------------------------------------------
// Child: serve one app on loopback and report the port.

if (process.argv[2] === '--serve') {
  const guard = process.argv[3] === 'guarded';
  try {
    const specifier = APP_MODULE.startsWith('.') || APP_MODULE.startsWith('/') ? pathToFileURL(resolve(APP_MODULE)).href : APP_MODULE;
    const { createApp } = await import(specifier);
    if (typeof createApp !== 'function') throw new Error(`${APP_MODULE} does not export createApp()`);
    const app = await createApp({ guard });
    const listener = typeof app === 'function' ? app : typeof app?.callback === 'function' ? app.callback() : null;
    if (listener === null) throw new Error('createApp() returned neither an Express app nor a Koa app');
    const server = createServer(listener);
    server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
    process.on('disconnect', () => process.exit(0));
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) }, () => process.exit(1));
  }
} else {
  await main();
}

// ---------------------------------------------------------------------------------------------
// Parent: drive the load.

async function main() {
  const { default: autocannon } = await import('autocannon');
  const seconds = positiveNumber('BENCH_SECONDS', 10);
  const warmupSeconds = positiveNumber('BENCH_WARMUP_SECONDS', 2);
  const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));
  const slices = 2; // per variant: ABBA
  const sliceSeconds = seconds / slices;

  const body = chatBody();
  const scenarios = [
    { id: 'json', title: 'JSON (stream: false)', body: JSON.stringify(body) },
    { id: 'stream', title: 'SSE (stream: true)', body: JSON.stringify({ ...body, stream: true }) },
  ];
  const lastUser = body.messages.at(-1).content;

  const started = new Date();
  console.log(
    `llmguard bench: ${APP_MODULE}, Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model?.trim() ?? 'unknown'}), ` +
      `${connections} connections, ${seconds} s per variant (${slices} x ${sliceSeconds} s, ABBA) after ${warmupSeconds} s warm-up, ` +
      `request body ${Buffer.byteLength(scenarios[0].body)} B`,
  );

  const results = {};
  for (const [index, scenario] of scenarios.entries()) {
    const order = index % 2 === 0 ? ['bare', 'guarded', 'guarded', 'bare'] : ['guarded', 'bare', 'bare', 'guarded'];
    const measured = { bare: [], guarded: [] };
    // One app process at a time: start it, check it, warm it up, measure, stop it.
    for (const variant of order) {
      const server = await startApp(variant);
      try {
        await verify(server.url, scenario, lastUser, variant);
        await load(autocannon, server.url, scenario.body, warmupSeconds, connections);
        measured[variant].push(await load(autocannon, server.url, scenario.body, sliceSeconds, connections));
        const last = measured[variant].at(-1);
        process.stdout.write(`  ${scenario.id.padEnd(6)} ${variant.padEnd(7)} slice: ${last.requests} requests in ${last.duration.toFixed(2)} s\n`);
      } finally {
        await server.stop();
      }
    }
    const bare = summarise(measured.bare);
    const guarded = summarise(measured.guarded);
    results[scenario.id] = {
      title: scenario.title,
      bare,
      guarded,
      ratio: {
        requestsPerSecond: round(guarded.requestsPerSecond / bare.requestsPerSecond, 3),
        p50: round(guarded.latencyMs.p50 / bare.latencyMs.p50, 3),
        p99: round(guarded.latencyMs.p99 / bare.latencyMs.p99, 3),
      },
    };
  }

  printTable(results);

  const failures = Object.entries(results).flatMap(([id, r]) =>
    ['bare', 'guarded'].filter((v) => r[v].non2xx > 0 || r[v].errors > 0).map((v) => `${id}/${v}`),
  );
  const report = {
    benchmark: 'http-throughput',
    app: APP_MODULE,
    route: ROUTE,
    started: started.toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model?.trim() ?? null,
    connections,
    secondsPerVariant: seconds,
    slicesPerVariant: slices,
    warmupSeconds,
    requestBodyBytes: Buffer.byteLength(scenarios[0].body),
    scenarios: results,
  };
  const out = join(HERE, 'results', 'http-throughput.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
  if (failures.length > 0) {
    console.error(`non-2xx responses or errors in: ${failures.join(', ')} (those numbers are not comparable)`);
    process.exitCode = 1;
  }
}

/** A realistic chat request: a system prompt and a short conversation, about 1 KB of ordinary text. */
function chatBody() {
  return {
    model: 'gpt-4o-mini',
    temperature: 0.7,
    max_tokens: 512,
    messages: [
      {
        role: 'system',
        content:
          'You are a friendly travel assistant for a small tour company. Answer in plain language, keep ' +
          'suggestions practical, mention opening hours and rough prices when you know them, and say so ' +
          'when you are not sure about something.',
      },
      {
        role: 'user',
        content:
          'Hi! We are a family of four visiting Lisbon for three days at the end of April. The kids are ' +
          'nine and twelve and they love trams, castles and anything to do with the sea. What would you do?',
      },
      {
        role: 'assistant',
        content:
          'Lisbon is a great fit. Day one: ride tram 28 early, then walk up to the castle for the views. ' +
          'Day two: the Oceanarium and the riverside park. Day three: a train to Belem for the tower, the ' +
          'monastery and the famous custard tarts.',
      },
      {
        role: 'user',
        content:
          'That sounds lovely. Could you suggest a relaxed half-day trip for the last afternoon, somewhere ' +
          'near the coast that is easy to reach by train, with a beach or a promenade where the kids can ' +
          'run around before dinner? We would rather avoid long queues.',
      },
    ],
  };
}

/** Start one app in a child process; resolves with its URL and a stop function. */
function startApp(variant) {
  return new Promise((resolvePromise, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--serve', variant], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the ${variant} app did not start within 30 s\n${output}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${variant} app exited (code ${code}) before listening\n${output}`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message.error) {
        const hint = /Cannot find (module|package)|ERR_MODULE_NOT_FOUND/.test(message.error) ? '\nBuild first: npm run build (from the repository root).' : '';
        reject(new Error(`the ${variant} app failed to start: ${message.error}${hint}`));
        return;
      }
      child.removeAllListeners('exit');
      resolvePromise({
        url: `http://127.0.0.1:${message.port}${ROUTE}`,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}

/** One request before the load: the app must answer 200 and echo the last user message. */
async function verify(url, scenario, lastUser, variant) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: scenario.body });
  const text = await response.text();
  let content = '';
  try {
    if (scenario.id === 'stream') {
      for (const line of text.split('\n')) {
        if (!line.startsWith('data:') || line.includes('[DONE]')) continue;
        const event = JSON.parse(line.slice(5));
        content += event.choices?.[0]?.delta?.content ?? '';
      }
    } else {
      content = JSON.parse(text).choices?.[0]?.message?.content ?? '';
    }
  } catch {
    content = '';
  }
  const probe = lastUser.slice(0, 60);
  if (response.status !== 200 || !content.includes(probe)) {
    throw new Error(
      `${scenario.id}/${variant}: expected 200 and an echo of the last user message, got ${response.status}:\n${text.slice(0, 1000)}`,
    );
  }
}

/** Run autocannon for `seconds`; records each response time in float milliseconds. */
function load(autocannon, url, body, seconds, connections) {
  return new Promise((resolvePromise, reject) => {
    const latencies = [];
    const instance = autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, pipelining: 1, duration: seconds },
      (error, result) => {
        if (error) return reject(error);
        resolvePromise({
          requests: result.requests.total,
          duration: result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          latencies,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

function summarise(slices) {
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  const duration = slices.reduce((n, s) => n + s.duration, 0);
  const latencies = Float64Array.from(slices.flatMap((s) => s.latencies)).sort();
  return {
    requests,
    durationSeconds: round(duration, 2),
    requestsPerSecond: round(requests / duration, 1),
    latencyMs: {
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(latencies.length, 1), 3),
      p50: round(percentile(latencies, 50), 3),
      p90: round(percentile(latencies, 90), 3),
      p99: round(percentile(latencies, 99), 3),
      max: round(latencies.at(-1) ?? 0, 3),
    },
    non2xx: slices.reduce((n, s) => n + s.non2xx, 0),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    timeouts: slices.reduce((n, s) => n + s.timeouts, 0),
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function printTable(results) {
  const rows = [['scenario', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors']];
  for (const [id, r] of Object.entries(results)) {
    for (const variant of ['bare', 'guarded']) {
      const v = r[variant];
      rows.push([id, variant, v.requestsPerSecond.toFixed(1), v.latencyMs.p50.toFixed(3), v.latencyMs.p99.toFixed(3), String(v.requests), String(v.non2xx), String(v.errors)]);
    }
    rows.push([id, 'guarded/bare', `${r.ratio.requestsPerSecond.toFixed(3)}x`, `${r.ratio.p50.toFixed(3)}x`, `${r.ratio.p99.toFixed(3)}x`, '', '', '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
