import type { Clock } from '@/utils/clock';
import type { LoadSandbox } from '@/utils/ghl/sandbox-port';
import type { SyncSettings } from '@/utils/storage/sync-settings';
import type { BackgroundBrowser } from './background-browser';
import type { TrintTabs } from './trint-tabs';

/** What createBackground is built from; the optional parts default to the extension's. */
export interface BackgroundDeps {
  /** The extension API (WXT's fake browser in tests and benchmarks). */
  browser: BackgroundBrowser;
  /** Reaches GHL for a real connection (the in-process Sandbox in tests and benchmarks). */
  fetch: typeof fetch;
  clock: Clock;
  /** The Sandbox GHL that Sandbox mode talks to, loaded only when it is first used. */
  sandbox: LoadSandbox;
  /** The cache database (one per test, one per teammate in a benchmark). */
  dbName?: string;
  credentialsDbName?: string;
  /** The Trint editor tabs, told of changes (the browser's tabs by default). */
  tabs?: TrintTabs;
  /** Tells the person of a write that failed for good (a throttled browser notification). */
  notice?: (kind: string, message: string) => Promise<unknown>;
  /** What the person chose to sync (the stored settings by default). */
  settings?: () => Promise<SyncSettings>;
  /** Time zone of dates written to the cache (the runtime's by default). */
  timeZone?: string;
  /** Jitter of every backoff, the outbox's and the GHL client's (Math.random by default). */
  random?: () => number;
  /** This background's name in the sync lease (a random one by default). */
  owner?: string;
}
