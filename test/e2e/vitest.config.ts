import { defineConfig } from 'vitest/config';

// End-to-end tests: the production builds in real browsers. One file at a time: each launches
// a browser, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    root: new URL('../../', import.meta.url).pathname,
    globalSetup: ['test/e2e/support/build-once.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
