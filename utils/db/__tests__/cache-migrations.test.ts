import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { CACHE_DB_VERSION, CACHE_MIGRATIONS } from '../cache-migrations';
import type { CacheDb } from '../cache-schema';
import { createCacheDbSource, openCacheDb } from '../open-cache-db';

let dbCount = 0;
const NOW = Date.parse('2026-11-26T12:00:00Z');

/** Opens a database as version 1 of the extension created it (only the first migration). */
async function openV1(name: string): Promise<IDBPDatabase<CacheDb>> {
  return openDB<CacheDb>(name, 1, {
    upgrade: (db, _old, _new, tx) => CACHE_MIGRATIONS[0]!(db, tx),
  });
}

describe('cache database migrations', () => {
  it('has one version per migration', () => {
    expect(CACHE_DB_VERSION).toBe(CACHE_MIGRATIONS.length);
    expect(CACHE_DB_VERSION).toBe(2);
  });

  it('upgrades a v1 database with its data intact, backfilling lastUsedAt', async () => {
    const name = `migration-test-${(dbCount += 1)}`;
    const v1 = await openV1(name);
    // v1 contacts had no lastUsedAt (the type says it is required now, hence the casts).
    const synced = {
      id: 'c1',
      locationId: 'loc',
      contact: { id: 'c1', email: 'a@x' },
      syncedAt: 500,
    };
    const neverSynced = { id: 'c2', locationId: 'loc', contact: { id: 'c2' } };
    await v1.put('contacts', synced as CacheDb['contacts']['value']);
    await v1.put('contacts', neverSynced as CacheDb['contacts']['value']);
    await v1.put('links', { transcriptId: 't-1', contactId: 'c1', locationId: 'loc', linkedAt: 1 });
    await v1.put('transcripts', { transcriptId: 't-1', noteIds: ['n1'], title: 'Interview' });
    await v1.put('tasks', {
      id: 'task1',
      contactId: 'c1',
      value: { id: 'task1', title: 'Call', completed: false },
      hash: 'abc',
      fetchedAt: 2,
    });
    await v1.add('activity', {
      transcriptId: 't-1',
      contactId: 'c1',
      at: 3,
      kind: 'linked',
      text: 'Transcript linked',
    });
    await v1.add('runs', {
      startedAt: 4,
      trigger: 'alarm',
      requests: 4,
      contactsChecked: 1,
      changes: 0,
      errors: [],
    });
    await v1.put('meta', { owner: 'x', expiresAt: 9 }, 'syncLease');
    v1.close();

    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    const db = await openCacheDb(name);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames]).toContain('audit');
    expect(await db.get('contacts', 'c1')).toEqual({ ...synced, lastUsedAt: 500 });
    expect(await db.get('contacts', 'c2')).toEqual({ ...neverSynced, lastUsedAt: NOW });
    expect(await db.getAllKeysFromIndex('contacts', 'by-lastUsed')).toEqual(['c1', 'c2']);
    expect(await db.get('links', 't-1')).toMatchObject({ contactId: 'c1' });
    expect(await db.get('transcripts', 't-1')).toEqual({
      transcriptId: 't-1',
      noteIds: ['n1'],
      title: 'Interview',
    });
    expect(await db.getAllFromIndex('tasks', 'by-contact', 'c1')).toHaveLength(1);
    expect(await db.getAll('activity')).toHaveLength(1);
    expect(await db.getAll('runs')).toHaveLength(1);
    expect(await db.get('meta', 'syncLease')).toEqual({ owner: 'x', expiresAt: 9 });
    await db.add('audit', {
      at: NOW,
      operation: 'get-contact',
      method: 'GET',
      startedBy: 'sync',
      result: '200',
      durationMs: 12,
    });
    expect(await db.getAllFromIndex('audit', 'by-at')).toHaveLength(1);
    db.close();
  });

  it('a new database gets every store at the current version', async () => {
    const db = await createCacheDbSource(`migration-test-${(dbCount += 1)}`).get();
    expect(db.version).toBe(CACHE_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        'activity',
        'appointments',
        'audit',
        'contacts',
        'links',
        'meta',
        'notes',
        'outbox',
        'runs',
        'tasks',
        'transcripts',
      ].sort(),
    );
  });
});
