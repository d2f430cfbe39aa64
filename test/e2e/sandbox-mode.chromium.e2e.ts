import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { SANDBOX_DB_NAME } from '../../sandbox/sandbox-store';
import { SANDBOX_SCRIPT } from '../../utils/ghl/sandbox-port';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, openPopup } from './support/extension-pages';
import { stopServiceWorker } from './support/service-worker';

const SAM = 'sbxContSamLee0000001';
const TAG = 'kept-across-restarts';

// The Sandbox GHL is its own file, which the service worker loads with importScripts() only when
// Sandbox mode uses it (utils/ghl/sandbox-script.ts). Chrome allows that after the worker's first
// start only for scripts imported at install: this checks it holds in a woken worker and after a
// browser restart, and that the Sandbox's records survive both, as they did when it was built in.
describe('Chromium: the Sandbox GHL is loaded only for Sandbox mode, in any worker', () => {
  let browser: ExtensionChromium;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Stops the worker, wakes it with a status message, and answers the new worker. */
  async function freshWorker(): Promise<Worker> {
    // Marks the worker running now, so the one answered below is surely another.
    for (const worker of browser.context.serviceWorkers()) {
      await worker
        .evaluate(() => ((globalThis as Record<string, unknown>).__stale = true))
        .catch(() => {});
    }
    await stopServiceWorker(popup);
    await ask(popup, 'connection/status');
    // Playwright may still list the stopped worker for a moment: wait for the woken one.
    let woken: Worker | undefined;
    await expect
      .poll(
        async () => {
          for (const worker of browser.context.serviceWorkers().reverse()) {
            const fresh = await worker
              .evaluate(() => !('__stale' in globalThis))
              .catch(() => false);
            if (fresh) woken = worker;
            if (fresh) return true;
          }
          return false;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    return woken!;
  }

  /** Whether the Sandbox's script has run in `worker`. */
  const loaded = (worker: Worker) =>
    worker.evaluate((name) => name in globalThis, SANDBOX_SCRIPT.global);

  /** Sends a GHL request to a new Sandbox in `worker`: one that starts from the saved records. */
  function sandboxRequest(
    worker: Worker,
    path: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ) {
    return worker.evaluate(
      async ({ name, path, init, token }) => {
        const create = (globalThis as unknown as Record<string, () => { fetch: typeof fetch }>)[
          name
        ]!;
        const headers = { Version: '2021-07-28', Authorization: `Bearer ${token}` };
        const response = await create().fetch(`https://services.leadconnectorhq.com${path}`, {
          ...init,
          headers: { ...headers, ...init.headers },
        });
        return (await response.json()) as unknown;
      },
      { name: SANDBOX_SCRIPT.global, path, init, token: SANDBOX_TOKENS.readWrite },
    );
  }

  /** Adds {@link TAG} to Sam, a write the Sandbox saves in its database. */
  const addTag = (worker: Worker) =>
    sandboxRequest(worker, `/contacts/${SAM}/tags`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: [TAG] }),
    });

  /** Sam's tags as a Sandbox started from the saved records answers them. */
  const savedTags = async (worker: Worker) =>
    ((await sandboxRequest(worker, `/contacts/${SAM}`)) as { contact: { tags: string[] } }).contact
      .tags;

  it('a woken worker starts without it, and loads it when Sandbox mode needs it', async () => {
    popup = await openPopup(browser);
    const worker = await freshWorker();
    expect(await loaded(worker)).toBe(false);
    const status = await ask<{ state: string; kind: string }>(popup, 'connection/connect-sandbox');
    expect(status).toMatchObject({ state: 'connected', kind: 'sandbox' });
    expect(await loaded(worker)).toBe(true);
  });

  it('keeps its records across a worker restart and a browser restart', async () => {
    let worker = await freshWorker();
    // Sandbox mode's next request (the check lists a contact) loads it in the new worker.
    expect(await ask(popup, 'connection/check')).toMatchObject({ state: 'connected' });
    expect(await loaded(worker)).toBe(true);
    await addTag(worker);
    await expect.poll(() => savedSnapshotHas(popup, TAG), { timeout: 5_000 }).toBe(true);

    worker = await freshWorker();
    expect(await loaded(worker)).toBe(false);
    expect(await ask(popup, 'connection/check')).toMatchObject({ state: 'connected' });
    expect(await loaded(worker)).toBe(true);
    expect(await savedTags(worker)).toContain(TAG);

    // A new browser on the same profile: the worker was installed before, not now.
    await browser.restart();
    popup = await openPopup(browser);
    worker = browser.context.serviceWorkers().at(-1)!;
    expect(await ask(popup, 'connection/check')).toMatchObject({ state: 'connected' });
    expect(await loaded(worker)).toBe(true);
    expect(await savedTags(worker)).toContain(TAG);
    expect(browser.unrouted).toEqual([]);
  });
});

/** Whether the Sandbox's saved snapshot (its IndexedDB, apart from the cache) holds `tag`. */
function savedSnapshotHas(page: Page, tag: string): Promise<boolean> {
  return page.evaluate(
    ({ name, tag }) =>
      new Promise<boolean>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const read = db.transaction('snapshot').objectStore('snapshot').get('current');
          read.onsuccess = () => {
            db.close();
            resolve(JSON.stringify(read.result ?? {}).includes(tag));
          };
          read.onerror = () => (db.close(), reject(read.error));
        };
      }),
    { name: SANDBOX_DB_NAME, tag },
  );
}
