// What the contact-search benchmark does in the browser: fill the extension's cache with
// contacts, and type queries in a Trint tab's content-script world (bench/search/contact-search.ts).
import type { Page } from 'playwright-core';
import { ask } from '../../test/e2e/support/extension-pages';
import { CACHE_DB_NAME } from '../../utils/db/db-names';
import type { CachedContact } from '../../utils/db/cache-schema';

/**
 * Writes contacts into the extension's cache database from one of its pages (whose origin owns
 * it), after the background has opened (and so created and upgraded) it.
 */
export async function seedCachedContacts(
  extensionPage: Page,
  contacts: readonly CachedContact[],
): Promise<void> {
  await ask(extensionPage, 'links/find', { transcriptIds: [] });
  await extensionPage.evaluate(
    async ([dbName, records]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (!db.objectStoreNames.contains('contacts')) throw new Error('No contacts store');
      const tx = db.transaction('contacts', 'readwrite');
      for (const record of records) tx.objectStore('contacts').put(record);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [CACHE_DB_NAME, contacts] as const,
  );
}

/** One keystroke: the text in the box, the query it is part of, its time, how many it found. */
export interface Keystroke {
  query: string;
  of: string;
  ms: number;
  found: number;
}

/**
 * How a person types: a fast typist's 10 characters a second, and a pause to read the results
 * before the next query. Trint tabs share a budget that refills 1 unit a second and a cache search
 * costs 0.25 (entrypoints/background/trint-budget.ts): keystrokes sent back to back, faster than
 * anyone types, run it dry after 240 and are refused, so an unpaced run measures nothing.
 */
export const TYPING = { keyGapMs: 100, queryGapMs: 1000 } as const;

/**
 * The expression, for the content-script world, that types each query `rounds` times one
 * character at a time: each prefix is the `contacts/search` message the panel sends (source
 * "cache"), sent {@link TYPING}'s gap after the previous one was answered, timed from send to
 * answer (the gaps are not timed).
 */
export function typeInContentScript(queries: readonly string[], rounds: number): string {
  return `(async () => {
    const queries = ${JSON.stringify(queries)};
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const out = [];
    for (let round = 0; round < ${rounds}; round += 1) {
      for (const of of queries) {
        if (out.length > 0) await pause(${TYPING.queryGapMs});
        for (let i = 1; i <= of.length; i += 1) {
          if (i > 1) await pause(${TYPING.keyGapMs});
          const query = of.slice(0, i);
          const t0 = performance.now();
          const reply = await chrome.runtime.sendMessage({
            type: 'contacts/search',
            payload: { query, source: 'cache' },
          });
          const ms = performance.now() - t0;
          if (!reply || !reply.ok) throw new Error('contacts/search: ' + JSON.stringify(reply));
          out.push({ query, of, ms, found: reply.value.contacts.length });
        }
      }
    }
    return out;
  })()`;
}
