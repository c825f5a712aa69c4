/**
 * Consumer test: the packages as a user gets them from the registry.
 *
 * `npm pack` the four publishable packages (built to dist/ by turbo's `^build`), install the
 * tarballs into fresh projects outside the repository, and check that
 * - an ESM project (`"type": "module"`, `import`) and a CommonJS project (`require`) load the
 *   right build through `exports` and can guard real requests (core, Express, Koa, fetch);
 * - a TypeScript project (`module`/`moduleResolution: nodenext`) type-checks a `.mts` and a
 *   `.cts` file against `index.d.ts` and `index.d.cts`, with and without `skipLibCheck`.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Publishable packages, by directory under packages/. */
const PACKAGES = ['core', 'express', 'koa', 'next'] as const;
const DIST_FILES = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];

const DENY = 'ignore previous instructions';

// ---------------------------------------------------------------------------------------------
// Child processes

/**
 * The environment for npm and node in the consumer projects: npm's script variables (set because
 * this test runs under `npm test`) would point a nested `npm install` at the repository.
 */
const KEEP_NPM_CONFIG = new Set(['cache', 'cafile', 'registry', 'userconfig', 'globalconfig', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl']);
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => {
    if (key === 'INIT_CWD' || key === 'NODE_PATH' || key === 'NODE_ENV' || key === 'NODE_OPTIONS') return false;
    if (key.startsWith('npm_config_')) return KEEP_NPM_CONFIG.has(key.slice('npm_config_'.length));
    return !key.startsWith('npm_');
  }),
);

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command; resolves with its exit code (never rejects for a non-zero exit). */
function run(cmd: string, args: string[], cwd: string, timeout = 150_000): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(cmd, args, { cwd, env: childEnv, timeout, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) did not run: ${error.message}\n${stderr}`));
        return;
      }
      resolvePromise({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Run a command that must succeed. */
async function runOk(cmd: string, args: string[], cwd: string, timeout?: number): Promise<RunResult> {
  const result = await run(cmd, args, cwd, timeout);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}

/** The version the repository installed, so `--prefer-offline` finds it in npm's cache. */
async function repoVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${pkg.version}`;
}

async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

// ---------------------------------------------------------------------------------------------
// Consumer sources

/**
 * The body shared by the ESM and the CommonJS script. It expects these bindings: createGuard,
 * expressGuard, koaGuard, guardFetch, withLlmGuard, express, Koa, http, resolveSpecifier.
 * It prints one JSON line with what it saw; the test compares that line.
 */
const SCRIPT_BODY = String.raw`
const DENY = ${JSON.stringify(DENY)};
const options = { customPatterns: { deny: [DENY] } };
const ROUTE = '/v1/chat/completions';
const chat = (text) => ({
  model: 'mock-model',
  messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: text }],
});
const completion = (text) => ({
  id: 'chatcmpl-consumer', object: 'chat.completion', created: 0, model: 'mock-model',
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
});
const echo = (body) => completion('echo: ' + body.messages[body.messages.length - 1].content);

async function serve(listener) {
  const server = http.createServer(listener);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: 'http://127.0.0.1:' + server.address().port + ROUTE,
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  };
}

async function summarise(response) {
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { raw: text }; }
  return {
    status: response.status,
    content: body.choices?.[0]?.message?.content ?? null,
    code: body.error?.code ?? null,
  };
}

const post = (url, text) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chat(text)) }).then(summarise);

const request = (text) =>
  new Request('http://localhost' + ROUTE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chat(text)) });

async function main() {
  const out = { resolved: {} };
  for (const name of ['core', 'express', 'koa', 'next']) out.resolved[name] = resolveSpecifier('@llmguard/' + name);

  // core: a decision is a value, allowed or denied.
  const guard = createGuard(options);
  const allowed = await guard.check({ route: ROUTE, body: chat('hello there') });
  const denied = await guard.check({ route: ROUTE, body: chat('Please ' + DENY.toUpperCase() + ' now') });
  out.core = { allowed: allowed.allowed, format: allowed.format, denied: [denied.allowed, denied.status, denied.code] };

  // express: a (req, res, next) middleware in front of a real handler.
  const middleware = expressGuard(options);
  const app = express();
  app.post(ROUTE, express.json(), middleware, (req, res) => res.json(echo(req.body)));
  const expressServer = await serve(app);
  try {
    out.express = {
      type: typeof middleware,
      arity: middleware.length,
      ok: await post(expressServer.url, 'hello express'),
      blocked: await post(expressServer.url, DENY),
    };
  } finally {
    await expressServer.close();
  }

  // koa: an async (ctx, next) middleware that reads the body itself.
  const koaMiddleware = koaGuard(options);
  const koa = new Koa();
  koa.use(koaMiddleware);
  koa.use((ctx) => { ctx.body = echo(ctx.request.body); });
  const koaServer = await serve(koa.callback());
  try {
    out.koa = {
      type: typeof koaMiddleware,
      ok: await post(koaServer.url, 'hello koa'),
      blocked: await post(koaServer.url, DENY),
    };
  } finally {
    await koaServer.close();
  }

  // next: fetch-style wrappers answer a Request with a Response.
  const handler = async (req) => Response.json(echo(await req.json()));
  const fetchHandler = guardFetch(handler, options);
  const routeHandler = withLlmGuard(handler, options);
  out.next = {
    guardFetch: typeof fetchHandler,
    withLlmGuard: typeof routeHandler,
    ok: await summarise(await fetchHandler(request('hello fetch'))),
    blocked: await summarise(await fetchHandler(request(DENY))),
    routeOk: await summarise(await routeHandler(request('hello route'), { params: Promise.resolve({}) })),
    routeBlocked: await summarise(await routeHandler(request(DENY), { params: Promise.resolve({}) })),
  };

  out.node = process.version;
  console.log(JSON.stringify(out));
}
`;

const ESM_SCRIPT = String.raw`import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGuard } from '@llmguard/core';
import { llmGuard as expressGuard } from '@llmguard/express';
import { llmGuard as koaGuard } from '@llmguard/koa';
import { guardFetch, withLlmGuard } from '@llmguard/next';
import express from 'express';
import Koa from 'koa';

const resolveSpecifier = (specifier) => fileURLToPath(import.meta.resolve(specifier));
${SCRIPT_BODY}
await main();
`;

const CJS_SCRIPT = String.raw`'use strict';
const http = require('node:http');
const { createGuard } = require('@llmguard/core');
const { llmGuard: expressGuard } = require('@llmguard/express');
const { llmGuard: koaGuard } = require('@llmguard/koa');
const { guardFetch, withLlmGuard } = require('@llmguard/next');
const express = require('express');
const Koa = require('koa');

const resolveSpecifier = (specifier) => require.resolve(specifier);
${SCRIPT_BODY}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** Shared by the .mts and .cts files: typed uses, and @ts-expect-error lines that fail if the types were `any`. */
const TS_BODY = String.raw`
const options: GuardOptions = { customPatterns: { deny: ['ignore previous instructions'] } };
const guard: Guard = createGuard(options);

export async function status(): Promise<number | null> {
  const decision: Decision = await guard.check({ route: '/v1/chat/completions', body: { messages: [] } });
  return decision.allowed ? null : decision.status;
}

const middleware: RequestHandler = expressGuard(options);
export const app = express();
app.post('/v1/chat/completions', express.json(), middleware, (_req, res) => {
  // The package augments Express's res.locals.
  const requestId: string | undefined = res.locals.llmguard?.requestId;
  res.json({ requestId });
});

const koaMiddleware: Koa.Middleware = koaGuard(options);
export const koa = new Koa();
koa.use(koaMiddleware);

export const fetchHandler: (request: Request) => Promise<Response> = guardFetch(async (request: Request) => Response.json(await request.json()), options);
export const routeHandler = withLlmGuard(async (request: Request) => Response.json(await request.json()), options);

// @ts-expect-error -- options are typed: format is a format id or a codec
createGuard({ format: 42 });
// @ts-expect-error -- options are typed in the Express adapter too
expressGuard({ limits: { maxBodyBytes: 'large' } });
// @ts-expect-error -- a decision is a union: status only exists once narrowed to a denial
export const unnarrowed = (decision: Decision) => decision.status;
export const isConfigError = (error: unknown): boolean => error instanceof LlmGuardConfigError;
`;

const MTS_SOURCE = String.raw`import { createGuard, LlmGuardConfigError, type Decision, type Guard, type GuardOptions } from '@llmguard/core';
import { llmGuard as expressGuard } from '@llmguard/express';
import { llmGuard as koaGuard } from '@llmguard/koa';
import { guardFetch, withLlmGuard } from '@llmguard/next';
import express, { type RequestHandler } from 'express';
import Koa from 'koa';
${TS_BODY}`;

const CTS_SOURCE = String.raw`import { createGuard, LlmGuardConfigError, type Decision, type Guard, type GuardOptions } from '@llmguard/core';
import { llmGuard as expressGuard } from '@llmguard/express';
import { llmGuard as koaGuard } from '@llmguard/koa';
import { guardFetch, withLlmGuard } from '@llmguard/next';
import express = require('express');
import Koa = require('koa');
type RequestHandler = express.RequestHandler;
${TS_BODY}`;

/** A typical Node consumer: no DOM lib, @types/node for fetch's Request and Response. */
const TS_CONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['src'],
};

// ---------------------------------------------------------------------------------------------
// The test

interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

let work = '';
let packs: PackResult[] = [];
const projects = { esm: '', cjs: '', ts: '' };

const expectedRun = {
  core: { allowed: true, format: 'openai-chat', denied: [false, 400, 'llmguard_blocked_content'] },
  express: {
    type: 'function',
    arity: 3,
    ok: { status: 200, content: 'echo: hello express', code: null },
    blocked: { status: 400, content: null, code: 'llmguard_blocked_content' },
  },
  koa: {
    type: 'function',
    ok: { status: 200, content: 'echo: hello koa', code: null },
    blocked: { status: 400, content: null, code: 'llmguard_blocked_content' },
  },
  next: {
    guardFetch: 'function',
    withLlmGuard: 'function',
    ok: { status: 200, content: 'echo: hello fetch', code: null },
    blocked: { status: 400, content: null, code: 'llmguard_blocked_content' },
    routeOk: { status: 200, content: 'echo: hello route', code: null },
    routeBlocked: { status: 400, content: null, code: 'llmguard_blocked_content' },
  },
  node: process.version,
};

beforeAll(async () => {
  const missing: string[] = [];
  for (const name of PACKAGES) {
    for (const file of DIST_FILES) {
      await access(join(ROOT, 'packages', name, file)).catch(() => missing.push(`packages/${name}/${file}`));
    }
  }
  if (missing.length > 0) throw new Error(`Build the packages first (turbo's ^build does): missing ${missing.join(', ')}`);

  work = await mkdtemp(join(tmpdir(), 'llmguard-consumers-'));
  const tarballs = join(work, 'tarballs');
  await mkdir(tarballs);
  const workspaces = PACKAGES.flatMap((name) => ['-w', `@llmguard/${name}`]);
  const packed = await runOk('npm', ['pack', '--json', '--pack-destination', tarballs, ...workspaces], ROOT);
  packs = JSON.parse(packed.stdout) as PackResult[];
  const tgz = packs.map((p) => join(tarballs, p.filename));

  const runtimeDeps = await Promise.all(['express', 'koa'].map(repoVersion));
  const typeDeps = await Promise.all(['@types/express', '@types/koa', '@types/node'].map(repoVersion));

  projects.esm = join(work, 'esm');
  projects.cjs = join(work, 'cjs');
  projects.ts = join(work, 'ts');
  await writeFiles(projects.esm, {
    'package.json': JSON.stringify({ name: 'consumer-esm', version: '1.0.0', private: true, type: 'module' }, null, 2),
    'main.js': ESM_SCRIPT,
  });
  await writeFiles(projects.cjs, {
    'package.json': JSON.stringify({ name: 'consumer-cjs', version: '1.0.0', private: true, type: 'commonjs' }, null, 2),
    'main.js': CJS_SCRIPT,
  });
  await writeFiles(projects.ts, {
    'package.json': JSON.stringify({ name: 'consumer-ts', version: '1.0.0', private: true }, null, 2),
    'tsconfig.json': JSON.stringify(TS_CONFIG, null, 2),
    'tsconfig.libcheck.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { skipLibCheck: false } }, null, 2),
    'src/esm.mts': MTS_SOURCE,
    'src/cjs.cts': CTS_SOURCE,
  });

  const install = (dir: string, deps: string[]) =>
    runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tgz, ...deps], dir);
  await Promise.all([
    install(projects.esm, runtimeDeps),
    install(projects.cjs, runtimeDeps),
    install(projects.ts, [...runtimeDeps, ...typeDeps]),
  ]);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packed tarballs', () => {
  it('hold the dual build and its declarations, and no sources or tests', () => {
    expect(packs.map((p) => p.name).sort()).toEqual(PACKAGES.map((name) => `@llmguard/${name}`).sort());
    for (const pack of packs) {
      const paths = pack.files.map((f) => f.path);
      expect(paths, pack.name).toEqual(expect.arrayContaining(['package.json', ...DIST_FILES]));
      expect(
        paths.filter((p) => p.startsWith('src/') || /\.test\.|\.spec\.|tsconfig|tsup\.config/.test(p)),
        pack.name,
      ).toEqual([]);
    }
  });
});

describe.each([
  { kind: 'esm', build: 'index.js' },
  { kind: 'cjs', build: 'index.cjs' },
] as const)('$kind consumer', ({ kind, build }) => {
  it(`loads dist/${build} of every package and guards requests with core, Express, Koa and fetch`, async () => {
    const dir = projects[kind];
    const result = await runOk(process.execPath, ['main.js'], dir, 60_000);
    const lines = result.stdout.trim().split('\n');
    const out = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown> & { resolved: Record<string, string> };

    for (const name of PACKAGES) {
      expect(out.resolved[name], name).toBe(join(dir, 'node_modules', '@llmguard', name, 'dist', build));
    }
    const { resolved: _resolved, ...rest } = out;
    expect(rest).toEqual(expectedRun);
  });
});

describe('typescript consumer (module: nodenext)', () => {
  it('type-checks a .mts file against index.d.ts and a .cts file against index.d.cts', async () => {
    const result = await run(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.json', '--listFilesOnly'], projects.ts);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const files = result.stdout.split('\n').map((line) => line.trim());
    for (const name of PACKAGES) {
      const dist = join(projects.ts, 'node_modules', '@llmguard', name, 'dist');
      expect(files, name).toEqual(expect.arrayContaining([join(dist, 'index.d.ts'), join(dist, 'index.d.cts')]));
    }

    const checked = await run(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], projects.ts);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });

  it('has no errors in the package declarations with skipLibCheck: false', async () => {
    const result = await run(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.libcheck.json', '--pretty', 'false'], projects.ts);
    const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    // Third-party declarations (e.g. @types/koa) are not ours to fix; ours and the consumer's files must be clean.
    const ours = errors.filter((line) => line.includes('@llmguard/') || line.startsWith('src/'));
    const theirs = errors.filter((line) => !ours.includes(line));
    if (theirs.length > 0) console.warn(`third-party declaration errors with skipLibCheck: false (ignored):\n${theirs.join('\n')}`);
    expect(ours).toEqual([]);
    if (errors.length === 0) expect(result.code).toBe(0);
  });
});
