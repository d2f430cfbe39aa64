import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ConnectError } from '@/utils/auth/connect-error';
import { backgroundUnderTest, JANE, LOCATION } from './sync-wiring-harness';
import {
  cacheContact as cache,
  OMAR,
  ON_T1,
  PAGE,
  person,
  SEARCHES,
  TAB,
} from './contact-fixtures';

describe('contacts/search', () => {
  beforeEach(() => fakeBrowser.reset());

  it('from the cache finds by name, email or phone, without asking GHL', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await cache(
      h,
      person('c-jane', 'Jane', 'Doe', {
        email: 'jane.doe@acme.example',
        phone: '+1 555 010 0001',
        companyName: 'Acme Corp',
      }),
    );
    await cache(h, person('c-zoe', 'Zoë', "O'Brien", { companyName: 'Kookaburra Media' }));
    await cache(h, person('c-gone', 'Jane', 'Gone'), { deletedAt: 1 });
    await cache(h, person('c-away', 'Jane', 'Elsewhere'), { locationId: 'another-location' });
    for (let i = 0; i < 11; i += 1) await cache(h, person(`c-jan${i}`, `Janice${i}`, 'Test'));
    const before = h.sandbox.state.counters.total;
    const search = async (query: string) =>
      (await h.run(h.handlers['contacts/search']({ query, source: 'cache' }, TAB, ON_T1))).contacts;

    expect(await search('JANE')).toEqual([
      {
        id: 'c-jane',
        name: 'Jane Doe',
        email: 'jane.doe@acme.example',
        phone: '+1 555 010 0001',
        companyName: 'Acme Corp',
      },
    ]);
    const jan = (await search('jan')).map((c) => c.id);
    expect(jan).toHaveLength(10);
    expect(jan[0]).toBe('c-jane');
    expect(jan).not.toContain('c-gone');
    expect(jan).not.toContain('c-away');
    expect((await search('acme.example')).map((c) => c.id)).toEqual(['c-jane']);
    expect((await search('555-010')).map((c) => c.id)).toEqual(['c-jane']);
    expect((await search('zoe obrien')).map((c) => c.id)).toEqual(['c-zoe']);
    expect(await search('nobody')).toEqual([]);
    expect(h.sandbox.state.counters.total).toBe(before);
  });

  it('from GHL caches what it found, counted as used, for the next cache search', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const found = await h.run(
      h.handlers['contacts/search']({ query: 'Omar Haddad', source: 'ghl' }, TAB, ON_T1),
    );
    expect(found.contacts).toContainEqual(
      expect.objectContaining({ id: OMAR, name: 'Omar Haddad', companyName: 'Globex' }),
    );
    expect(h.count(SEARCHES)).toBe(1);
    const cached = await (await h.db.get()).get('contacts', OMAR);
    expect(cached).toMatchObject({ locationId: LOCATION, lastUsedAt: h.fake.now() });
    expect(cached?.syncedAt).toBeUndefined();
    expect(cached?.contact).not.toHaveProperty('searchAfter');

    const fromCache = await h.run(
      h.handlers['contacts/search']({ query: 'omar', source: 'cache' }, PAGE),
    );
    expect(fromCache.contacts.map((c) => c.id)).toContain(OMAR);
    expect(h.count(SEARCHES)).toBe(1);
  });

  it('from GHL leaves a synced contact’s cached copy to the sync, which then narrates the change', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    const before = await (await h.db.get()).get('contacts', JANE);
    await h.fake.advance(60_000);
    await h.control('PATCH', `contacts/${JANE}`, { email: 'jane@new.example' });

    const found = await h.run(
      h.handlers['contacts/search']({ query: 'Jane Doe', source: 'ghl' }, PAGE),
    );
    expect(found.contacts.find((c) => c.id === JANE)).toMatchObject({ email: 'jane@new.example' });
    const after = await (await h.db.get()).get('contacts', JANE);
    expect(after?.contact).toEqual(before?.contact);
    expect(after?.lastUsedAt).toBe(h.fake.now());

    await h.run(h.engine.refreshContact(JANE));
    const view = await h.run(h.handlers['transcript/get']({ transcriptId: 't-1' }, PAGE));
    expect(view.activity[0]?.kind).toBe('contact-updated');
    expect(view.fields).toMatchObject({ Email: 'jane@new.example' });
  });

  it('needs a connection, from the cache too', async () => {
    const h = backgroundUnderTest();
    for (const source of ['cache', 'ghl'] as const) {
      await expect(
        h.run(h.handlers['contacts/search']({ query: 'Jane', source }, PAGE)),
      ).rejects.toBeInstanceOf(ConnectError);
    }
  });
});
