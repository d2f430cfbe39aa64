import type { Clock } from '@/utils/clock';
import type { ShownEntry } from '@/utils/storage/shown-contacts-item';
import type { StoredItem } from '@/utils/storage/stored-item';

/**
 * The contacts the background has shown each Trint tab (search results, suggestions), so a tab
 * links only a contact a person could have picked there: a page script driving the content
 * script cannot link, then write to, a contact id it made up or learnt elsewhere.
 */

/** Contacts remembered per tab at most: a panel's searches show 10 at a time. */
export const SHOWN_PER_TAB = 200;
/** A contact shown longer ago than this is forgotten: the person searches again. */
export const SHOWN_FOR_MS = 60 * 60 * 1000;

/** Where each tab's list lives: shownContactsItems (storage.session) in the extension. */
export interface ShownStorage {
  item(tabId: number): Pick<StoredItem<ShownEntry[]>, 'read' | 'write' | 'remove'>;
}

/** See {@link createShownContacts}. */
export interface ShownContacts {
  /** Notes that these contacts were shown to the tab now. */
  remember(tabId: number, contactIds: readonly string[]): Promise<void>;
  /** Whether the contact was shown to the tab within {@link SHOWN_FOR_MS}. */
  wasShown(tabId: number, contactId: string): Promise<boolean>;
  /** Forgets a closed tab. */
  forget(tabId: number): Promise<void>;
}

/** One remembered contact: its id and when it was last shown. */
type Entry = ShownEntry;

/**
 * Kept in `storage.session`: it outlives a service worker that stopped between a person's search
 * and their click on Link (in memory the click would be refused), is gone when the browser
 * closes, and content scripts cannot read it (its default access level is trusted contexts).
 */
export function createShownContacts(deps: { storage: ShownStorage; clock: Clock }): ShownContacts {
  const { storage, clock } = deps;
  // Read-modify-write per tab, one at a time: a cache and a GHL search answer together.
  const queues = new Map<number, Promise<unknown>>();

  function serial<T>(tabId: number, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => {});
    queues.set(tabId, settled);
    void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
    return run;
  }

  async function fresh(tabId: number): Promise<Entry[]> {
    const since = clock.now() - SHOWN_FOR_MS;
    return (await storage.item(tabId).read()).filter(([, at]) => at > since);
  }

  return {
    remember(tabId, contactIds) {
      if (contactIds.length === 0) return Promise.resolve();
      return serial(tabId, async () => {
        const now = clock.now();
        const ids = new Set(contactIds);
        const kept = (await fresh(tabId)).filter(([id]) => !ids.has(id));
        const next = [...kept, ...[...ids].map((id): Entry => [id, now])].slice(-SHOWN_PER_TAB);
        await storage.item(tabId).write(next);
      });
    },
    wasShown: (tabId, contactId) =>
      serial(tabId, async () => (await fresh(tabId)).some(([id]) => id === contactId)),
    forget: (tabId) => serial(tabId, () => storage.item(tabId).remove()),
  };
}
