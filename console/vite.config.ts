import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// The SDK is used from its sources (sdks/typescript/src): no separate build step.
const sdk = fileURLToPath(new URL('../sdks/typescript/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [preact()],
  resolve: { alias: { 'neuronplane-client': sdk } },
  // No inline module-preload polyfill: the page must satisfy script-src 'self'.
  build: { modulePreload: { polyfill: false }, target: 'es2022', assetsInlineLimit: 0 },
  server: { fs: { allow: ['..'] } },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.tsx', 'test/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 80 },
    },
  },
});
