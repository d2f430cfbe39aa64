import type { CacheDatabase } from '../db/open-cache-db';
import { partsLeftOutKey } from '../transcripts/contact-parts';

/**
 * Keeps the cache from growing without end. Contacts a person looked at (search results, a
 * contact linked once) stay cached after no transcript links to them any more; above `max` of
 * those, the least recently used go, with their tasks, notes and appointments. Linked contacts
 * are never evicted: their transcripts need them. An evicted contact's note of the parts its last
 * sync left out (contact-parts) goes with it. Returns the ids evicted.
 */
export async function evictUnlinkedContacts(db: CacheDatabase, max: number): Promise<string[]> {
  const tx = db.transaction(
    ['contacts', 'links', 'tasks', 'notes', 'appointments', 'meta'],
    'readwrite',
  );
  const linked = new Set((await tx.objectStore('links').getAll()).map((l) => l.contactId));
  const contacts = tx.objectStore('contacts');
  const unlinkedCount = (await contacts.getAllKeys()).filter((id) => !linked.has(id)).length;
  let excess = unlinkedCount - max;
  const evicted: string[] = [];
  // Oldest use first.
  let cursor = await contacts.index('by-lastUsed').openCursor();
  while (cursor && excess > 0) {
    const id = cursor.value.id;
    if (!linked.has(id)) {
      await cursor.delete();
      for (const store of ['tasks', 'notes', 'appointments'] as const) {
        const keys = await tx.objectStore(store).index('by-contact').getAllKeys(id);
        for (const key of keys) await tx.objectStore(store).delete(key);
      }
      await tx.objectStore('meta').delete(partsLeftOutKey(id));
      evicted.push(id);
      excess -= 1;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return evicted;
}
