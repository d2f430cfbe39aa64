import { describe, expect, it } from 'vitest';
import { createCacheDbSource } from '../../db/open-cache-db';
import type { SearchContactsInput } from '../../ghl/schemas/search-schemas';
import {
  SCAN_MAX_PAGES,
  SCAN_OVERLAP_MS,
  SCAN_PAGE_SIZE,
  scanChangedContacts,
  clearStale,
  markStale,
} from '../contact-scan';

const T0 = Date.UTC(2026, 11, 7, 12);
let dbs = 0;

/** A location whose contacts were updated at the given times, searched as GHL sorts them. */
function fakeSearch(updated: number[], options: { ignoreFilter?: boolean } = {}) {
  const contacts = updated.map((at, i) => ({
    id: `c${i}`,
    dateUpdated: new Date(at).toISOString(),
  }));
  const bodies: SearchContactsInput[] = [];
  const ghl = {
    contacts: {
      search: async (body: SearchContactsInput) => {
        bodies.push(body);
        const filter = body.filters?.[0] as { value?: { gte?: string } } | undefined;
        const gte =
          filter?.value?.gte && !options.ignoreFilter ? Date.parse(filter.value.gte) : -Infinity;
        const matching = contacts
          .filter((c) => Date.parse(c.dateUpdated) >= gte)
          .sort((a, b) => Date.parse(b.dateUpdated) - Date.parse(a.dateUpdated));
        const page = body.page ?? 1;
        const slice = matching.slice((page - 1) * body.pageLimit, page * body.pageLimit);
        return { contacts: slice, total: matching.length };
      },
    },
  };
  return { ghl, bodies, contacts };
}

describe('contact scan', () => {
  it('starts where GHL is, then finds what changed since, looking back the overlap', async () => {
    const db = await createCacheDbSource(`scan-${(dbs += 1)}`).get();
    const location = fakeSearch([T0 - 60_000, T0 - 3_600_000]);
    const first = await scanChangedContacts(location.ghl, db, 'loc', T0, {});
    expect(first).toMatchObject({ changed: 'unknown', since: T0, requests: 1 });
    location.contacts.push({ id: 'new', dateUpdated: new Date(T0 + 5_000).toISOString() });
    const second = await scanChangedContacts(location.ghl, db, 'loc', T0 + 30_000, {});
    // c0 (within the overlap of the cursor) and the new one; not c1, an hour older.
    expect(second.changed !== 'unknown' && [...second.changed.keys()].sort()).toEqual([
      'c0',
      'new',
    ]);
    expect(second.since).toBe(T0);
    expect(location.bodies[1]!.filters).toEqual([
      {
        field: 'dateUpdated',
        operator: 'range',
        value: { gte: new Date(T0 - 60_000 - SCAN_OVERLAP_MS).toISOString() },
      },
    ]);
  });

  it('stops at the cursor by the sort when GHL ignores the filter', async () => {
    const db = await createCacheDbSource(`scan-${(dbs += 1)}`).get();
    const times = Array.from({ length: 3 * SCAN_PAGE_SIZE }, (_, i) => T0 - i * 3_600_000);
    const location = fakeSearch(times, { ignoreFilter: true });
    await scanChangedContacts(location.ghl, db, 'loc', T0, {});
    const scan = await scanChangedContacts(location.ghl, db, 'loc', T0 + 30_000, {});
    expect(scan.requests).toBe(1);
    expect(scan.changed).not.toBe('unknown');
  });

  it('starts over when more changed than it reads, and remembers stale contacts until read', async () => {
    const db = await createCacheDbSource(`scan-${(dbs += 1)}`).get();
    const location = fakeSearch([T0]);
    await scanChangedContacts(location.ghl, db, 'loc', T0, {});
    await markStale(db, 'loc', ['c7', 'c8']);
    expect([...(await scanChangedContacts(location.ghl, db, 'loc', T0, {})).stale]).toEqual([
      'c7',
      'c8',
    ]);
    const meta = {
      get: (key: string) => db.get('meta', key),
      put: (value: unknown, key: string) => db.put('meta', value, key),
    };
    await clearStale(meta, 'loc', 'c7');
    expect([...(await scanChangedContacts(location.ghl, db, 'loc', T0, {})).stale]).toEqual(['c8']);
    for (let i = 0; i < (SCAN_MAX_PAGES + 1) * SCAN_PAGE_SIZE; i++) {
      location.contacts.push({ id: `n${i}`, dateUpdated: new Date(T0 + 1_000 + i).toISOString() });
    }
    const over = await scanChangedContacts(location.ghl, db, 'loc', T0 + 60_000, {});
    expect(over).toMatchObject({
      changed: 'unknown',
      since: T0 + 60_000,
      requests: SCAN_MAX_PAGES,
    });
    expect(over.stale.size).toBe(0);
  });
});
