// What the extension's background has that Node does not, for benchmarks run with tsx outside
// Vitest: an in-memory IndexedDB (fake-indexeddb, as the unit tests use) and WXT's fake `browser`
// (storage reads answer the defaults). Imported first by the runner and by every benchmark that
// builds extension code, before anything imports `wxt/browser`.
import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';

const scope = globalThis as { browser?: unknown; chrome?: unknown };
scope.browser ??= fakeBrowser;
scope.chrome ??= fakeBrowser;
