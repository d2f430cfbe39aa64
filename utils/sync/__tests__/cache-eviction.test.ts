import { describe, expect, it } from 'vitest';
import { createCacheDbSource } from '../../db/open-cache-db';
import { evictUnlinkedContacts } from '../cache-eviction';

let dbCount = 0;

/** A cache with contacts c0…c5 (c0 used longest ago), each with a task, note and appointment. */
async function cacheWithContacts() {
  const db = await createCacheDbSource(`eviction-test-${(dbCount += 1)}`).get();
  for (let i = 0; i < 6; i += 1) {
    const id = `c${i}`;
    await db.put('contacts', { id, locationId: 'loc', contact: { id }, lastUsedAt: i * 1000 });
    await db.put('tasks', {
      id: `task-${id}`,
      contactId: id,
      value: { id: `task-${id}`, title: 'T', completed: false },
      hash: 'h',
      fetchedAt: 0,
    });
    await db.put('notes', {
      id: `note-${id}`,
      contactId: id,
      value: { id: `note-${id}`, body: 'N' },
      hash: 'h',
      fetchedAt: 0,
    });
    await db.put('appointments', {
      id: `appt-${id}`,
      contactId: id,
      value: { id: `appt-${id}`, startTime: '2026-11-26T10:00:00Z' },
      fetchedAt: 0,
    });
  }
  // c0 and c1 are the oldest, but a transcript links to c1.
  await db.put('links', { transcriptId: 't-1', contactId: 'c1', locationId: 'loc', linkedAt: 0 });
  return db;
}

describe('cache eviction', () => {
  it('evicts the least recently used unlinked contacts above the cap, with their records', async () => {
    const db = await cacheWithContacts();
    expect(await evictUnlinkedContacts(db, 2)).toEqual(['c0', 'c2', 'c3']);
    expect((await db.getAllKeys('contacts')).sort()).toEqual(['c1', 'c4', 'c5']);
    expect((await db.getAllKeys('tasks')).sort()).toEqual(['task-c1', 'task-c4', 'task-c5']);
    expect((await db.getAllKeys('notes')).sort()).toEqual(['note-c1', 'note-c4', 'note-c5']);
    expect((await db.getAllKeys('appointments')).sort()).toEqual(['appt-c1', 'appt-c4', 'appt-c5']);
  });

  it('never evicts a linked contact, and does nothing under the cap', async () => {
    const db = await cacheWithContacts();
    expect(await evictUnlinkedContacts(db, 5)).toEqual([]);
    expect(await evictUnlinkedContacts(db, 0)).toEqual(['c0', 'c2', 'c3', 'c4', 'c5']);
    expect(await db.getAllKeys('contacts')).toEqual(['c1']);
  });
});
