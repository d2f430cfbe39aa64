import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageRefused } from '../message-router';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/storage/sync-settings';
import { BUSINESS_OFF_MESSAGE } from '../contacts-handlers';
import { backgroundUnderTest, JANE, SAM } from './sync-wiring-harness';
import {
  ANA,
  cacheContact as cache,
  OMAR,
  ON_T1,
  PAGE,
  person,
  SEARCHES,
  TAB,
} from './contact-fixtures';
import { SYNC_SETTINGS_KEY } from '@/utils/storage/sync-settings-item';

const BUSINESS = 'GET /contacts/business/:businessId';

describe('contacts/suggest', () => {
  beforeEach(() => fakeBrowser.reset());

  const DISCOVERY = {
    transcriptId: 't-1',
    title: 'Discovery call with Acme Corp',
    speakers: ['Jane Doe', 'Sam Lee', 'Jane Doe', 'Speaker 1', 'Host'],
  };

  it('asks GHL for the speakers the cache does not know, and caches them', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    const { contacts } = await h.run(h.handlers['contacts/suggest'](DISCOVERY, TAB, ON_T1));
    expect(contacts.map((c) => [c.id, c.name, c.reason])).toEqual([
      [JANE, 'Jane Doe', 'Speaker Jane Doe'],
      [SAM, 'Sam Lee', 'Speaker Sam Lee'],
    ]);
    // One search per named speaker; "Speaker 1" and "Host" name no one.
    expect(h.count(SEARCHES)).toBe(2);
    expect(await h.transcripts.cachedContact(SAM)).toBeDefined();
  });

  it('suggests from the cache alone when it knows the speakers, then who the title mentions', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(h.handlers['contacts/search']({ query: 'Acme Corp', source: 'ghl' }, PAGE));
    const searches = h.count(SEARCHES);

    const { contacts } = await h.run(h.handlers['contacts/suggest'](DISCOVERY, TAB, ON_T1));
    expect(contacts.slice(0, 2).map((c) => [c.id, c.reason])).toEqual([
      [JANE, 'Speaker Jane Doe'],
      [SAM, 'Speaker Sam Lee'],
    ]);
    expect(contacts.length).toBeGreaterThan(2);
    expect(contacts.length).toBeLessThanOrEqual(8);
    for (const other of contacts.slice(2)) {
      expect(other).toMatchObject({ companyName: 'Acme Corp', reason: 'Title mentions Acme Corp' });
    }
    expect(h.count(SEARCHES)).toBe(searches);
  });

  it('answers what the cache found when GHL fails', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await cache(h, person(OMAR, 'Omar', 'Haddad', { companyName: 'Globex' }));
    await h.control('POST', 'faults', { failNext: { count: 20, status: 503 } });

    const { contacts } = await h.run(
      h.handlers['contacts/suggest'](
        {
          transcriptId: 't-1',
          title: 'Quarterly review — Globex',
          speakers: ['Ana Ruiz', 'Omar Haddad'],
        },
        TAB,
        ON_T1,
      ),
    );
    expect(contacts.map((c) => [c.id, c.reason])).toEqual([[OMAR, 'Speaker Omar Haddad']]);
    expect(contacts.map((c) => c.id)).not.toContain(ANA);
    // Every search GHL got (for Ana) failed; Omar was in the cache.
    expect(h.sandbox.state.counters.byStatus['503']).toBeGreaterThan(0);
    expect(h.sandbox.state.counters.byEndpoint[SEARCHES]).toBe(
      h.sandbox.state.counters.byStatus['503'],
    );
  });

  it('is only for the transcript the tab shows', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await expect(
      h.run(h.handlers['contacts/suggest']({ ...DISCOVERY, transcriptId: 't-2' }, TAB, ON_T1)),
    ).rejects.toBeInstanceOf(MessageRefused);
    expect(h.count(SEARCHES)).toBe(0);
  });
});

describe('contacts/business', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the others at the linked contact’s business, not the contact itself', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));

    const { contacts } = await h.run(
      h.handlers['contacts/business']({ contactId: JANE }, TAB, ON_T1),
    );
    expect(h.count(BUSINESS)).toBe(1);
    const ids = contacts.map((c) => c.id);
    expect(ids).toContain(SAM);
    expect(ids).not.toContain(JANE);
    expect(contacts.every((c) => c.companyName === 'Acme Corp')).toBe(true);
  });

  it('refuses a Trint tab another contact, and answers none for a contact without a business', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    for (const [contactId, tab] of [
      [SAM, ON_T1],
      [JANE, { transcriptId: 't-2' }],
      [JANE, {}],
    ] as const) {
      await expect(
        h.run(h.handlers['contacts/business']({ contactId }, TAB, tab)),
      ).rejects.toBeInstanceOf(MessageRefused);
    }
    await cache(h, person('c-solo', 'Solo', 'Trader'));
    expect(await h.run(h.handlers['contacts/business']({ contactId: 'c-solo' }, PAGE))).toEqual({
      contacts: [],
    });
    expect(h.count(BUSINESS)).toBe(0);
  });

  it('is refused, without asking GHL, while “Others at this business” is switched off', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    await fakeBrowser.storage.session.set({
      [SYNC_SETTINGS_KEY]: { ...DEFAULT_SYNC_SETTINGS, businessContacts: false },
    });
    for (const [role, tab] of [
      [TAB, ON_T1],
      [PAGE, undefined],
    ] as const) {
      const asked = h.run(h.handlers['contacts/business']({ contactId: JANE }, role, tab));
      await expect(asked).rejects.toBeInstanceOf(MessageRefused);
      await expect(asked).rejects.toThrow(BUSINESS_OFF_MESSAGE);
    }
    expect(h.count(BUSINESS)).toBe(0);
    // Switched on again (the settings are read per message): answered.
    await fakeBrowser.storage.session.set({ [SYNC_SETTINGS_KEY]: DEFAULT_SYNC_SETTINGS });
    await h.run(h.handlers['contacts/business']({ contactId: JANE }, TAB, ON_T1));
    expect(h.count(BUSINESS)).toBe(1);
  });
});

describe('links/find', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names the contact of each linked transcript asked about, to extension pages only', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    await h.run(h.handlers['link/set']({ transcriptId: 't-2', contactId: SAM }, PAGE));
    const find = (transcriptIds: string[], role: typeof TAB | typeof PAGE = PAGE) =>
      h.run(h.handlers['links/find']({ transcriptIds }, role, {}));

    expect(await find(['t-1', 't-2', 't-3', 't-1'])).toEqual({
      links: [
        { transcriptId: 't-1', contactName: 'Jane Doe' },
        { transcriptId: 't-2', contactName: 'Sam Lee' },
      ],
    });
    // A Trint tab learns which are linked, not to whom.
    expect(await find(['t-1', 't-2', 't-3'], TAB)).toEqual({
      links: [{ transcriptId: 't-1' }, { transcriptId: 't-2' }],
    });
    // A contact no longer cached is named from the transcript's fields snapshot.
    await (await h.db.get()).delete('contacts', SAM);
    expect(await find(['t-2'])).toEqual({
      links: [{ transcriptId: 't-2', contactName: 'Sam Lee' }],
    });
    expect(await find([])).toEqual({ links: [] });
  });
});
