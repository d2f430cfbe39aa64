// What the panel-paint benchmark does to one Trint tab: load or navigate it, then read the
// content script's performance marks from the page (entrypoints/trint.content/paint-marks.ts).
import type { Page } from 'playwright-core';
import {
  CARD_PAINTED_MARK,
  CONTENT_START_MARK,
  PANEL_MOUNTED_MARK,
} from '../../entrypoints/trint.content/paint-marks';
import { CACHE_DB_NAME } from '../../utils/db/db-names';
import type { Sandbox } from '../../sandbox/sandbox-handler';

/** Longest wait for one card; a card that never paints fails the benchmark, it is not skipped. */
const PAINT_TIMEOUT_MS = 15_000;

/** One full page load, from the content script's start to the contact card painted. */
export interface LoadTiming {
  /** Content-script start → card painted, ms (the measure). */
  paintMs: number;
  /** Content-script start → panel's shadow root mounted, ms. */
  mountedMs: number;
  /** Navigation start → content-script start, ms (context: when Chromium ran the script). */
  scriptStartMs: number;
}

/** Loads `url` in `page` (a full load, not SPA) and times the first card paint. */
export async function timeFullLoad(page: Page, url: string): Promise<LoadTiming> {
  await page.goto(url);
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    CARD_PAINTED_MARK,
    {
      timeout: PAINT_TIMEOUT_MS,
    },
  );
  return page.evaluate(
    (names) => {
      const [s, m, p] = names.map((name) => {
        const mark = performance.getEntriesByName(name)[0];
        if (!mark) throw new Error(`Mark ${name} missing`);
        return mark.startTime;
      }) as [number, number, number];
      return { paintMs: p - s, mountedMs: m - s, scriptStartMs: s };
    },
    [CONTENT_START_MARK, PANEL_MOUNTED_MARK, CARD_PAINTED_MARK],
  );
}

/**
 * Follows the look-alike's "Next transcript" link (Trint's own pushState navigation, as a click
 * does) and times it to the next transcript's card painted, both read on the page's clock.
 */
export async function timeSpaNavigation(page: Page): Promise<number> {
  const clickedAt = await page.evaluate(() => {
    const next = document.querySelector<HTMLAnchorElement>('a.next');
    if (!next) throw new Error('No "Next transcript" link on the page');
    const at = performance.now();
    next.click();
    return at;
  });
  const handle = await page.waitForFunction(
    ([name, after]) =>
      performance.getEntriesByName(name).find((mark) => mark.startTime > after)?.startTime,
    [CARD_PAINTED_MARK, clickedAt] as const,
    { timeout: PAINT_TIMEOUT_MS },
  );
  return ((await handle.jsonValue()) as number) - clickedAt;
}

/**
 * Empties the extension's cache of one linked contact, as if it had never been fetched: its
 * record, tasks, notes and appointments, and the transcript's snapshot of its fields (the link
 * stays). The panel then has nothing to show until GHL answers: the network-first baseline.
 * Runs in an extension page, whose origin owns the cache database.
 */
export async function forgetContact(
  extensionPage: Page,
  transcriptId: string,
  contactId: string,
): Promise<void> {
  await extensionPage.evaluate(
    async ([dbName, transcript, contact]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(
        ['contacts', 'tasks', 'notes', 'appointments', 'transcripts'],
        'readwrite',
      );
      tx.objectStore('contacts').delete(contact);
      for (const name of ['tasks', 'notes', 'appointments']) {
        const keys = tx.objectStore(name).index('by-contact').getAllKeys(contact);
        keys.onsuccess = () => keys.result.forEach((key) => tx.objectStore(name).delete(key));
      }
      const record = tx.objectStore('transcripts').get(transcript);
      record.onsuccess = () => {
        if (!record.result) return;
        const rest = { ...(record.result as Record<string, unknown>) };
        delete rest.fields;
        delete rest.snapshotAt;
        tx.objectStore('transcripts').put(rest);
      };
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [CACHE_DB_NAME, transcriptId, contactId] as const,
  );
}

/**
 * Waits until the Sandbox has seen no request for `quietMs`, so the background's refresh of the
 * last load is over before the next load starts (or its cache is emptied).
 */
export async function untilGhlQuiet(sandbox: Sandbox, quietMs = 400): Promise<void> {
  let seen = sandbox.state.counters.total;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = sandbox.state.counters.total;
    if (now === seen) return;
    seen = now;
  }
}
