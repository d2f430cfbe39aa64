import type { CachedContact } from '../db/cache-schema';
import type { CommittedWrites } from '../db/committed-writes';
import type { WatchedCacheDbSource } from '../db/open-cache-db';
import { rankEntries, rankEntry, type RankEntry } from './contact-match';

/**
 * The cached contacts in the background's memory, with what a search compares worked out once
 * (contact-match's keys), so a keystroke is answered without reading the cache: reading 10,000
 * contacts from IndexedDB takes longer than a keystroke may (issue 17, BENCHMARKS.md "Local
 * contact search").
 *
 * It is read from the cache when first asked (a woken worker starts empty) and kept in step with
 * every committed write of the background's connection (the sync, the outbox, searches, links,
 * eviction): a put replaces the contact, a delete removes it, and a write it cannot follow record
 * by record (a cursor, a clear) or the connection closing (Disconnect's wipe deletes the
 * database) has it read the cache again at the next search. Only the background writes the
 * cache, so nothing else can change it behind the index's back.
 */
export function createContactIndex(db: Pick<WatchedCacheDbSource, 'get' | 'watch'>) {
  let entries: Map<string, RankEntry> | undefined;
  let loading: Promise<Map<string, RankEntry>> | undefined;
  /** Writes heard while the cache is read: applied to what it read, in commit order. */
  let heard: CommittedWrites[] | undefined;
  /** Bumped whenever what is held must be read again: a read started before is thrown away. */
  let generation = 0;

  const forget = () => {
    entries = undefined;
    loading = undefined;
    heard = undefined;
    generation += 1;
  };

  db.watch((event) => {
    if (event.type === 'closed') return forget();
    const writes = event.writes.get('contacts');
    if (!writes) return;
    if (writes.unknown) return forget();
    if (heard) heard.push(event.writes);
    if (entries) apply(entries, event.writes);
  });

  async function load(): Promise<Map<string, RankEntry>> {
    const mine = generation;
    heard = [];
    const all = await (await db.get()).getAll('contacts');
    if (mine !== generation) return current();
    const loaded = new Map(all.map((cached) => [cached.id, rankEntry(cached)]));
    // Writes committed while reading: applying one the read already saw puts the same record.
    for (const writes of heard) apply(loaded, writes);
    heard = undefined;
    entries = loaded;
    return loaded;
  }

  /** The entries, read from the cache when not held. */
  function current(): Promise<Map<string, RankEntry>> {
    if (entries) return Promise.resolve(entries);
    if (!loading) {
      const started = load();
      loading = started;
      const done = () => {
        if (loading === started) loading = undefined;
      };
      started.then(done, done);
    }
    return loading;
  }

  /** Whether an entry is one of the location's contacts not known deleted in GHL. */
  const ofLocation = (locationId: string) => (entry: RankEntry) =>
    entry.cached.locationId === locationId && entry.cached.deletedAt === undefined;

  return {
    /** The location's contacts matching a query, best first (contact-match's rankContacts). */
    async search(locationId: string, query: string, limit: number): Promise<CachedContact[]> {
      // A filter, not a generator: resuming one per contact cost more than checking its match.
      return rankEntries((await current()).values(), query, limit, ofLocation(locationId));
    },

    /** The location's cached contacts, less those known deleted (cachedCandidates' answer). */
    async candidates(locationId: string): Promise<CachedContact[]> {
      const of = ofLocation(locationId);
      const found = [...(await current()).values()].filter(of).map((entry) => entry.cached);
      return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

/** See {@link createContactIndex}. */
export type ContactIndex = ReturnType<typeof createContactIndex>;

/** Applies one transaction's contact writes to the entries. */
function apply(entries: Map<string, RankEntry>, writes: CommittedWrites) {
  for (const change of writes.get('contacts')?.changes ?? []) {
    if ('put' in change) {
      const cached = change.put as CachedContact;
      entries.set(cached.id, rankEntry(cached));
    } else {
      entries.delete(String(change.deleted));
    }
  }
}
