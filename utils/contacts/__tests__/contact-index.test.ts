import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { contactView } from '../../../sandbox/contact-views';
import { seedSandboxData } from '../../../sandbox/seed-data';
import type { CachedContact } from '../../db/cache-schema';
import { createCacheDbSource } from '../../db/open-cache-db';
import type { GhlContactListItem } from '../../ghl/schemas/contact-schemas';
import { evictUnlinkedContacts } from '../../sync/cache-eviction';
import { createContactIndex } from '../contact-index';
import { cacheSearchResults, searchCache } from '../contact-search';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const LOC = 'loc';
/** Names, a company, an email, a phone, several words, accents: every way a contact matches. */
const QUERIES = ['j', 'ja', 'jane do', 'sam lee', 'acme', 'omar@', '+1555', '555', 'zoe', 'a b'];
let dbCount = 0;

function cached(id: string, more: Partial<CachedContact['contact']> = {}, lastUsedAt = 1) {
  return { id, locationId: LOC, contact: { id, ...more }, lastUsedAt } satisfies CachedContact;
}

async function setup(contacts: CachedContact[] = []) {
  const name = `contact-index-${(dbCount += 1)}`;
  const source = createCacheDbSource(name);
  const db = await source.get();
  for (const contact of contacts) await db.put('contacts', contact);
  const index = createContactIndex(source);
  const ids = (found: CachedContact[]) => found.map((c) => c.id);
  /** Every query answered by the index as the cache itself answers it now. */
  async function expectInStep(location = LOC) {
    const db = await source.get();
    for (const query of QUERIES) {
      const fromCache = await searchCache(db, location, query, 10);
      const fromIndex = await index.search(location, query, 10);
      expect(fromIndex, `query "${query}"`).toEqual(
        fromCache.map((summary) => expect.objectContaining({ id: summary.id })),
      );
    }
  }
  return { name, source, db, index, ids, expectInStep };
}

describe('createContactIndex', () => {
  it('ranks 1,000 seeded contacts exactly as a search of the cache does', async () => {
    const seeded = [...seedSandboxData({ contacts: 1_000, now: NOW }).contacts.values()];
    const t = await setup();
    const page = seeded.map((c) => contactView(c) as GhlContactListItem);
    await cacheSearchResults(t.db, LOC, page, NOW);
    // Some used later than others: recency orders matches of the same rank.
    for (const c of seeded.slice(0, 50)) {
      await t.db.put('contacts', { ...(await t.db.get('contacts', c.id))!, lastUsedAt: NOW + 1 });
    }
    await t.expectInStep();
    expect(await t.index.search(LOC, 'a', 10)).toHaveLength(10);
    // Many reads of the cache for the reference: slow on a loaded machine, not stuck.
  }, 30_000);

  it('orders equal names used at the same time by id, as the cache lists them', async () => {
    const t = await setup([
      cached('c3', { firstName: 'Jane' }),
      cached('c1', { firstName: 'Jane' }),
      cached('c2', { firstName: 'Jane' }),
    ]);
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['c1', 'c2', 'c3']);
    await t.expectInStep();
  });

  it('follows puts, deletes, recency and GHL search results after it was read', async () => {
    const t = await setup([
      cached('a', { firstName: 'Jane', lastName: 'Doe' }),
      cached('b', { firstName: 'Janet', lastName: 'Smith' }),
    ]);
    expect(t.ids(await t.index.search(LOC, 'jan', 10))).toEqual(['a', 'b']);

    // A sync writes a changed contact (contact-cache-write puts it in its own transaction).
    const tx = t.db.transaction(['contacts', 'links'], 'readwrite');
    await tx.objectStore('contacts').put(cached('a', { firstName: 'Mary', lastName: 'Doe' }));
    await tx.done;
    expect(t.ids(await t.index.search(LOC, 'jan', 10))).toEqual(['b']);
    expect(t.ids(await t.index.search(LOC, 'mary', 10))).toEqual(['a']);

    // A panel opened a transcript: its contact counts as used now, and comes first.
    await t.db.put('contacts', cached('c', { firstName: 'Jane', lastName: 'Roe' }, 1));
    await t.db.put('contacts', cached('b', { firstName: 'Janet', lastName: 'Smith' }, NOW));
    expect(t.ids(await t.index.search(LOC, 'jan', 10))).toEqual(['b', 'c']);

    // GHL's search answered a new contact, and the outbox deleted another.
    await cacheSearchResults(t.db, LOC, [{ id: 'd', firstName: 'Jan' } as GhlContactListItem], 2);
    await t.db.delete('contacts', 'c');
    expect(t.ids(await t.index.search(LOC, 'jan', 10))).toEqual(['d', 'b']);

    // GHL answered 404: the contact stays cached, known deleted, and is not found.
    await t.db.put('contacts', { ...cached('d', { firstName: 'Jan' }), deletedAt: 5 });
    expect(t.ids(await t.index.search(LOC, 'jan', 10))).toEqual(['b']);
    await t.expectInStep();
  });

  it('keeps nothing of a transaction that was aborted', async () => {
    const t = await setup([cached('a', { firstName: 'Jane' })]);
    await t.index.search(LOC, 'jane', 10);
    const tx = t.db.transaction('contacts', 'readwrite');
    await tx.store.put(cached('b', { firstName: 'Jane' }));
    tx.abort();
    await tx.done.catch(() => {});
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['a']);
  });

  it('reads the cache again after an eviction walked it with a cursor', async () => {
    const t = await setup([
      cached('old', { firstName: 'Jane' }, 1),
      cached('new', { firstName: 'Jane' }, 2),
    ]);
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['new', 'old']);
    expect(await evictUnlinkedContacts(t.db, 1)).toEqual(['old']);
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['new']);
  });

  it('applies writes committed while it was reading the cache', async () => {
    const t = await setup([cached('a', { firstName: 'Jane' })]);
    // A sync's write commits after the index's read of the store, before the index has its answer.
    const slowReader = {
      watch: t.source.watch,
      async get() {
        const db = await t.source.get();
        return {
          async getAll(store: 'contacts') {
            const all = await db.getAll(store);
            await db.put('contacts', cached('b', { firstName: 'Jane' }, 9));
            return all;
          },
        } as unknown as typeof db;
      },
    };
    const index = createContactIndex(slowReader);
    expect(t.ids(await index.search(LOC, 'jane', 10))).toEqual(['b', 'a']);
  });

  it('forgets everything when Disconnect wipes the cache, and answers from the new one', async () => {
    const t = await setup([cached('a', { firstName: 'Jane' })]);
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['a']);
    // What the background's wipeCache does: close its connection, delete the database.
    await t.source.close();
    await deleteDB(t.name);
    expect(await t.index.search(LOC, 'jane', 10)).toEqual([]);
    await (await t.source.get()).put('contacts', cached('b', { firstName: 'Jane' }));
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['b']);
  });

  it('answers only the connected location’s contacts (a new connection may be another one)', async () => {
    const t = await setup([
      cached('here', { firstName: 'Jane' }),
      { ...cached('there', { firstName: 'Jane' }), locationId: 'other' },
    ]);
    expect(t.ids(await t.index.search(LOC, 'jane', 10))).toEqual(['here']);
    expect(t.ids(await t.index.search('other', 'jane', 10))).toEqual(['there']);
    expect(t.ids(await t.index.candidates('other'))).toEqual(['there']);
    await t.expectInStep('other');
  });
});
