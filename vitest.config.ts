import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: `__tests__/` beside the code, with WXT's fake `browser` and an in-memory IndexedDB.
// The token broker's tests (broker/) run here too. End-to-end tests have their own config in
// test/e2e/.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      '{utils,components,entrypoints,sandbox}/**/__tests__/**/*.test.{ts,tsx}',
      'test/contract/**/*.test.ts',
      'broker/**/__tests__/**/*.test.ts',
      // The store texts against PRIVACY.md and the manifest; the release script's checks.
      '{store,scripts}/**/__tests__/**/*.test.ts',
    ],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    // DOM tests (`@vitest-environment happy-dom`) run on Trint's origin, as the content script does.
    environmentOptions: { happyDOM: { url: 'https://app.trint.com/' } },
  },
});
