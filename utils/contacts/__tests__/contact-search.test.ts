import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { SANDBOX_LOCATION } from '../../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import type { CachedContact } from '../../db/cache-schema';
import { createCacheDbSource } from '../../db/open-cache-db';
import type { GhlContactListItem } from '../../ghl/schemas/contact-schemas';
import { dateText } from '../../mapping/transforms';
import { cacheSearchResults, searchGhl } from '../contact-search';
import { DEFAULT_SEARCH_LAG_MS } from '@/sandbox/search-lag';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const EARLIER = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-25T10:00:00.000Z';
let dbCount = 0;

const listed = (id: string, email: string, dateUpdated: string): GhlContactListItem =>
  ({ id, firstName: 'Jo', email, dateUpdated, searchAfter: [1, id] }) as GhlContactListItem;

function before(id: string, email: string, more: Partial<CachedContact> = {}): CachedContact {
  return { id, locationId: 'loc', contact: { id, email }, lastUsedAt: 1, ...more };
}

describe('cacheSearchResults', () => {
  it('caches new contacts, refreshes older unsynced ones and keeps newer or synced copies', async () => {
    const db = await createCacheDbSource(`contact-search-${(dbCount += 1)}`).get();
    await db.put('contacts', before('older', 'old@x.example', { dateUpdated: EARLIER }));
    // A person's edit the outbox cached: GHL's search index has not caught up with it.
    await db.put('contacts', before('newer', 'edited@x.example', { dateUpdated: LATER }));
    await db.put('contacts', before('synced', 'synced@x.example', { syncedAt: 5 }));
    await db.put('contacts', before('deleted', 'gone@x.example', { deletedAt: 5 }));

    const answered = await cacheSearchResults(
      db,
      'loc',
      [
        listed('new', 'new@x.example', LATER),
        listed('older', 'fresh@x.example', LATER),
        listed('newer', 'stale@x.example', EARLIER),
        listed('synced', 'fresh@x.example', LATER),
        listed('deleted', 'gone@x.example', LATER),
      ],
      NOW,
    );

    expect(answered.map((c) => c.id)).toEqual(['new', 'older', 'newer', 'synced']);
    const cached = async (id: string) => db.get('contacts', id);
    expect(await cached('new')).toEqual({
      id: 'new',
      locationId: 'loc',
      contact: { id: 'new', firstName: 'Jo', email: 'new@x.example', dateUpdated: LATER },
      dateUpdated: LATER,
      lastUsedAt: NOW,
    });
    expect(await cached('older')).toMatchObject({
      contact: { email: 'fresh@x.example' },
      dateUpdated: LATER,
      lastUsedAt: NOW,
    });
    expect(await cached('newer')).toMatchObject({
      contact: { email: 'edited@x.example' },
      dateUpdated: LATER,
      lastUsedAt: NOW,
    });
    expect(await cached('synced')).toMatchObject({
      contact: { email: 'synced@x.example' },
      syncedAt: 5,
      lastUsedAt: NOW,
    });
    expect(await cached('deleted')).toMatchObject({ deletedAt: 5, lastUsedAt: 1 });
  });
});

describe('searchGhl against answers as real GHL sends them (#314)', () => {
  it('finds and caches a contact whose dateOfBirth comes as epoch ms and street as address', async () => {
    const fake = createFakeClock();
    const sandbox = createSandbox({ clock: fake.clock });
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    const locationId = SANDBOX_LOCATION.id;
    const created = await fake.run(
      client.contacts.create({
        locationId,
        firstName: 'Birthday',
        lastName: 'Person',
        dateOfBirth: '1990-05-17',
        address1: '1 Main St',
      }),
    );
    const db = await createCacheDbSource(`contact-search-${(dbCount += 1)}`).get();
    // GHL's search sees a new contact only after a few seconds (the Sandbox's search lag).
    await fake.advance(DEFAULT_SEARCH_LAG_MS);

    const found = await fake.run(
      searchGhl(db, { ghl: client, locationId }, 'Birthday Person', NOW),
    );

    expect(found.map((c) => c.id)).toEqual([created.id]);
    const cached = (await db.get('contacts', created.id))!.contact;
    expect(cached).toMatchObject({ dateOfBirth: Date.UTC(1990, 4, 17), address1: '1 Main St' });
    // The mapping's date transform writes the epoch birthday as the calendar day it is.
    expect(dateText(cached.dateOfBirth, 'medium', 'America/Los_Angeles')).toBe('17 May 1990');
  });
});
