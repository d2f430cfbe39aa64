import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageRefused, safeErrorInfo, type TabFacts } from '../message-router';
import { TRINT_BUDGET } from '../trint-budget';
import { backgroundUnderTest, JANE, SAM, type BackgroundUnderTest } from './sync-wiring-harness';
import { cacheContact, OMAR, PAGE, person, SEARCHES, TAB } from './contact-fixtures';

/** Tab 1 shows transcript t-1, tab 2 shows t-2. */
const TAB_1 = { transcriptId: 't-1', tabId: 1 };
const TAB_2 = { transcriptId: 't-2', tabId: 2 };
const REFUSAL = 'Find the contact with the search first.';

async function connected() {
  const h = backgroundUnderTest();
  await h.connect();
  return h;
}

const searchGhl = (h: BackgroundUnderTest, query: string, tab: TabFacts = TAB_1) =>
  h.run(h.handlers['contacts/search']({ query, source: 'ghl' }, TAB, tab));

// Linking opens a contact to the tab's writes: a page script driving the content script must not
// link a contact id it made up or learnt elsewhere, only one the background showed that tab.
describe('which contact a Trint tab may link', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses a contact never shown to the tab, and with it the writes it would open', async () => {
    const h = await connected();
    const requests = h.sandbox.state.counters.total;
    const attempt = h.run(
      h.handlers['link/set']({ transcriptId: 't-1', contactId: SAM }, TAB, TAB_1),
    );
    await expect(attempt).rejects.toBeInstanceOf(MessageRefused);
    await expect(attempt).rejects.toThrow(REFUSAL);
    expect(await h.transcripts.linkOf('t-1')).toBeUndefined();
    expect(h.sandbox.state.counters.total).toBe(requests);
    const deletion = { kind: 'contact.delete' as const, contactId: SAM };
    await expect(
      h.run(h.handlers['outbox/enqueue']({ operation: deletion, transcriptId: 't-1' }, TAB, TAB_1)),
    ).rejects.toBeInstanceOf(MessageRefused);
  });

  it('links a contact a GHL search showed the tab, also after the worker restarted', async () => {
    const h = await connected();
    const found = await searchGhl(h, 'Jane Doe');
    expect(found.contacts.map((c) => c.id)).toContain(JANE);

    const restarted = h.restartHandlers();
    const view = await h.run(
      restarted['link/set']({ transcriptId: 't-1', contactId: JANE }, TAB, TAB_1),
    );
    expect(view.link).toMatchObject({ contactId: JANE });
  });

  it('links a contact a cache search or a suggestion showed the tab', async () => {
    const h = await connected();
    await cacheContact(h, person(OMAR, 'Omar', 'Haddad'));
    await h.run(h.handlers['contacts/search']({ query: 'omar', source: 'cache' }, TAB, TAB_1));
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: OMAR }, TAB, TAB_1));
    expect(await h.transcripts.linkOf('t-1')).toMatchObject({ contactId: OMAR });

    const suggested = await h.run(
      h.handlers['contacts/suggest']({ transcriptId: 't-2', speakers: ['Sam Lee'] }, TAB, TAB_2),
    );
    expect(suggested.contacts.map((c) => c.id)).toEqual([SAM]);
    await h.run(h.handlers['link/set']({ transcriptId: 't-2', contactId: SAM }, TAB, TAB_2));
    expect(await h.transcripts.linkOf('t-2')).toMatchObject({ contactId: SAM });
  });

  it('does not count what another tab was shown', async () => {
    const h = await connected();
    await searchGhl(h, 'Sam Lee', TAB_2);
    await expect(
      h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: SAM }, TAB, TAB_1)),
    ).rejects.toThrow(REFUSAL);
    // A tab of unknown id (none is expected) is shown nothing, so links nothing new.
    const noId = { transcriptId: 't-1' };
    await searchGhl(h, 'Sam Lee', noId);
    await expect(
      h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: SAM }, TAB, noId)),
    ).rejects.toThrow(REFUSAL);
  });

  it('links its transcript again to the contact it links to already', async () => {
    const h = await connected();
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    const view = await h.run(
      h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, TAB, TAB_1),
    );
    expect(view.link).toMatchObject({ contactId: JANE });
  });

  it('leaves extension pages free to link any contact', async () => {
    const h = await connected();
    const view = await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: SAM }, PAGE));
    expect(view.link).toMatchObject({ contactId: SAM });
  });
});

// The location's GHL budget (100 requests per 10 s) is shared by the team and the sync; the
// budget every Trint tab shares (trint-budget.ts) keeps pages from spending it.
describe('how often Trint tabs may search GHL', () => {
  beforeEach(() => fakeBrowser.reset());
  const BURST = TRINT_BUDGET.units;

  it(`search ${BURST} times in a burst across tabs, then are refused without asking GHL`, async () => {
    const h = await connected();
    for (let i = 0; i < BURST; i += 1) await searchGhl(h, `Jane ${i}`, i % 2 ? TAB_2 : TAB_1);
    expect(h.count(SEARCHES)).toBe(BURST);

    // Another tab (a new one too) shares the same budget, and the cache is not free either.
    for (const tab of [TAB_1, TAB_2, { transcriptId: 't-3', tabId: 3 }]) {
      const over = await searchGhl(h, 'Jane', tab).catch((error: unknown) => error);
      expect(safeErrorInfo(over)).toEqual({
        kind: 'refused',
        message: 'Too many requests from Trint pages; try again in 1 s.',
      });
    }
    const cache = await h
      .run(h.handlers['contacts/search']({ query: 'Jane', source: 'cache' }, TAB, TAB_1))
      .catch((error: unknown) => error);
    expect(cache).toBeInstanceOf(MessageRefused);
    expect(h.count(SEARCHES)).toBe(BURST);
    // The popup is no Trint page: it still searches GHL.
    await h.run(h.handlers['contacts/search']({ query: 'Jane', source: 'ghl' }, PAGE));
    expect(h.count(SEARCHES)).toBe(BURST + 1);

    await h.fake.advance(1_000);
    await searchGhl(h, 'Jane');
    expect(h.count(SEARCHES)).toBe(BURST + 2);
  });

  it('suggests nothing once the budget is spent, saying why: the cache part is priced too', async () => {
    const h = await connected();
    await cacheContact(h, person(SAM, 'Sam', 'Lee'));
    for (let i = 0; i < BURST; i += 1) await searchGhl(h, `Someone ${i}`);
    const searches = h.count(SEARCHES);

    await expect(
      h.run(
        h.handlers['contacts/suggest'](
          { transcriptId: 't-1', speakers: ['Jane Doe', 'Sam Lee', 'Omar Haddad'] },
          TAB,
          TAB_1,
        ),
      ),
    ).rejects.toThrow(/Too many requests from Trint pages/);
    expect(h.count(SEARCHES)).toBe(searches);
  });
});
