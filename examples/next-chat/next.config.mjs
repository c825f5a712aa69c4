import { fileURLToPath } from 'node:url';

// The monorepo root: Next traces files and Turbopack resolves the hoisted node_modules from here.
const root = fileURLToPath(new URL('../..', import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  outputFileTracingRoot: root,
  turbopack: { root },
};

export default nextConfig;
