import { defineConfig } from 'vitest/config';

// Cross-package tests pack tarballs, install them, start servers and browsers: slow, and they
// share ports and the npm cache, so files run one at a time.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.next/**'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
