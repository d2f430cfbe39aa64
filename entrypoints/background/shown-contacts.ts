import type { Clock } from '@/utils/clock';
import type { ShownEntry } from '@/utils/storage/shown-contacts-item';
import type { StoredItem } from '@/utils/storage/stored-item';
import { createWriteBehind } from './write-behind';

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
 *
 * A tab's list is read from storage once per worker start and held in memory from then on: only
 * this module writes it, and every keystroke of the panel's search notes what it showed, so a
 * read and a write per keystroke were a large part of answering it (issue 17). Each change is
 * still written, right after the task that made it (write-behind.ts).
 */
export function createShownContacts(deps: { storage: ShownStorage; clock: Clock }): ShownContacts {
  const { storage, clock } = deps;
  /** Each tab's list as last read or changed (what storage was last given). */
  const lists = new Map<number, Entry[]>();
  /** Reads in flight, one per tab. */
  const reading = new Map<number, Promise<void>>();
  const writes = createWriteBehind();

  /** Settles once the tab's list is in `lists`, read from storage if it is not yet. */
  function load(tabId: number): Promise<void> {
    if (lists.has(tabId)) return Promise.resolve();
    let read = reading.get(tabId);
    if (!read) {
      read = storage
        .item(tabId)
        .read()
        .then((list) => {
          // Forgotten (or read) meanwhile: what this read found is not the tab's list any more.
          if (reading.get(tabId) === read && !lists.has(tabId)) lists.set(tabId, list);
        })
        .finally(() => reading.get(tabId) === read && reading.delete(tabId));
      reading.set(tabId, read);
    }
    return read;
  }

  /** The tab's entries younger than {@link SHOWN_FOR_MS}: call after `load`. */
  function fresh(tabId: number): Entry[] {
    const since = clock.now() - SHOWN_FOR_MS;
    return (lists.get(tabId) ?? []).filter(([, at]) => at > since);
  }

  /** Writes the tab's list as it is when the write runs; a forgotten tab's is removed. */
  function persist(tabId: number) {
    writes.queue(String(tabId), () => {
      const list = lists.get(tabId);
      return list ? storage.item(tabId).write(list) : storage.item(tabId).remove();
    });
  }

  return {
    async remember(tabId, contactIds) {
      if (contactIds.length === 0) return;
      await load(tabId);
      // From here on nothing awaits: two answers noted at once (the cache and a GHL search) are
      // applied one after the other, and neither is lost.
      const now = clock.now();
      const ids = new Set(contactIds);
      const kept = fresh(tabId).filter(([id]) => !ids.has(id));
      const next = [...kept, ...[...ids].map((id): Entry => [id, now])].slice(-SHOWN_PER_TAB);
      lists.set(tabId, next);
      persist(tabId);
    },
    async wasShown(tabId, contactId) {
      await load(tabId);
      return fresh(tabId).some(([id]) => id === contactId);
    },
    forget(tabId) {
      lists.delete(tabId);
      reading.delete(tabId);
      persist(tabId);
      return writes.settled();
    },
  };
}
