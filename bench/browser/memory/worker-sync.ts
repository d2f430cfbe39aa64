// The service worker's own sync, driven with Sync now from an extension page.
import type { Page } from 'playwright-core';
import { ask } from '../../../test/e2e/support/extension-pages';
import type { SyncStatus } from '../../../utils/storage/sync-status';
import { syncedContactIds } from './cache-rows';

/** What the worker's sync did in a window. */
export interface WorkerSyncWindow {
  /** Sync now runs that synced something (others found a run going on, e.g. an alarm's). */
  runs: number;
  /** GHL requests of those runs. */
  requests: number;
  /** Linked contacts with a `syncedAt` in the cache at the end (alarm runs' included). */
  synced: number;
  seconds: number;
  /** Whether the first full sync finished (the status has no `firstSync` any more). */
  done: boolean;
}

/**
 * Sends Sync now (the popup's button: every linked contact due, 25 a run) again and again from
 * `page` until the first full sync is done or `windowMs` has passed, the way a person keeps
 * pressing it; each answers after its run. Throws when a run has errors.
 */
export async function syncNowFor(page: Page, windowMs: number): Promise<WorkerSyncWindow> {
  const started = performance.now();
  let runs = 0;
  let requests = 0;
  let lastStart: number | undefined;
  let done = false;
  while (!done && performance.now() - started < windowMs) {
    const status = await ask<SyncStatus>(page, 'sync/now');
    const run = status.lastRun;
    if (run && run.startedAt !== lastStart && run.outcome !== 'skipped') {
      if (run.errors > 0) throw new Error(`Sync now: ${run.errors} errors: ${run.firstError}`);
      lastStart = run.startedAt;
      runs += 1;
      requests += run.requests;
    }
    done = status.firstSync === undefined;
  }
  const synced = (await syncedContactIds(page)).length;
  return { runs, requests, synced, seconds: (performance.now() - started) / 1000, done };
}

/** How long the background takes to answer `sync/status` (it reads the plan over every link). */
export async function statusReadSeconds(page: Page): Promise<number> {
  const started = performance.now();
  await ask(page, 'sync/status');
  return (performance.now() - started) / 1000;
}
