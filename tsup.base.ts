import type { Options } from 'tsup';

/** Build settings shared by the publishable packages: ESM + CommonJS + declarations for Node 20. */
export const packageBuild: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
};
