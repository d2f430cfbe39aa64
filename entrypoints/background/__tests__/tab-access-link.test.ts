import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageRefused, safeErrorInfo, type TabFacts } from '../message-router';
import { TAB_SEARCHES } from '../search-budget';
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

// The location's GHL budget (100 requests per 10 s) is shared by the team and the sync.
describe('how often a Trint tab may search GHL', () => {
  beforeEach(() => fakeBrowser.reset());

  it(`searches ${TAB_SEARCHES} times in a burst, then answers rate-limited without asking GHL`, async () => {
    const h = await connected();
    const start = h.fake.now();
    for (let i = 0; i < TAB_SEARCHES; i += 1) await searchGhl(h, `Jane ${i}`);
    // Budgets refill with time: the burst must not have taken a second of it.
    expect(h.fake.now() - start).toBeLessThan(1000);
    expect(h.count(SEARCHES)).toBe(TAB_SEARCHES);

    const over = await searchGhl(h, 'Jane').catch((error: unknown) => error);
    expect(safeErrorInfo(over)).toEqual({
      kind: 'rate-limited',
      message: 'Searching GHL too often from this tab; wait a few seconds.',
    });
    expect(h.count(SEARCHES)).toBe(TAB_SEARCHES);
    // The cache still answers that tab; another tab and the popup still search GHL.
    await h.run(h.handlers['contacts/search']({ query: 'Jane', source: 'cache' }, TAB, TAB_1));
    await searchGhl(h, 'Jane', TAB_2);
    for (let i = 0; i < TAB_SEARCHES + 2; i += 1) {
      await h.run(h.handlers['contacts/search']({ query: 'Jane', source: 'ghl' }, PAGE));
    }
    expect(h.count(SEARCHES)).toBe(TAB_SEARCHES * 2 + 3);

    await h.fake.advance(10_000);
    await searchGhl(h, 'Jane');
    expect(h.count(SEARCHES)).toBe(TAB_SEARCHES * 2 + 4);
  });

  it('suggests from the cache alone once the tab’s budget is spent', async () => {
    const h = await connected();
    await cacheContact(h, person(SAM, 'Sam', 'Lee'));
    for (let i = 0; i < TAB_SEARCHES; i += 1) await searchGhl(h, `Someone ${i}`);
    const searches = h.count(SEARCHES);

    const { contacts } = await h.run(
      h.handlers['contacts/suggest'](
        { transcriptId: 't-1', speakers: ['Jane Doe', 'Sam Lee', 'Omar Haddad'] },
        TAB,
        TAB_1,
      ),
    );
    expect(contacts.map((c) => c.id)).toEqual([SAM]);
    expect(h.count(SEARCHES)).toBe(searches);
  });
});
