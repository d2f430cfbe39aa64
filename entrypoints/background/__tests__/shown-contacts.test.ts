import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createFakeClock } from '@/test/support/fake-clock';
import { shownContactsItems } from '@/utils/storage/shown-contacts-item';
import { createShownContacts, SHOWN_FOR_MS, SHOWN_PER_TAB } from '../shown-contacts';

function shownUnderTest() {
  const fake = createFakeClock();
  const start = () => createShownContacts({ storage: shownContactsItems, clock: fake.clock });
  return { fake, shown: start(), start };
}

/** What a tab's list holds in storage.session. */
async function stored(tabId: number) {
  return (await fakeBrowser.storage.session.get(`shown-contacts:${tabId}`))[
    `shown-contacts:${tabId}`
  ];
}

describe('the contacts shown to each tab', () => {
  beforeEach(() => fakeBrowser.reset());
  // Lists are written behind the callers' backs: the next test starts once they have landed.
  afterEach(() => new Promise((resolve) => setTimeout(resolve, 0)));

  it('knows what it showed a tab, and nothing it showed another tab', async () => {
    const { shown } = shownUnderTest();
    await shown.remember(1, ['c-jane', 'c-sam']);
    await shown.remember(2, ['c-omar']);
    expect(await shown.wasShown(1, 'c-jane')).toBe(true);
    expect(await shown.wasShown(1, 'c-sam')).toBe(true);
    expect(await shown.wasShown(1, 'c-omar')).toBe(false);
    expect(await shown.wasShown(2, 'c-jane')).toBe(false);
    expect(await shown.wasShown(3, 'c-jane')).toBe(false);
  });

  it('lives in storage.session: a worker that woke again still knows', async () => {
    const { shown, start } = shownUnderTest();
    await shown.remember(1, ['c-jane']);
    // A worker stops long after its last write landed.
    await vi.waitFor(async () => expect(await stored(1)).toHaveLength(1));
    expect(await start().wasShown(1, 'c-jane')).toBe(true);
  });

  it('reads a tab’s list once per worker start: a keystroke’s search does not wait for storage', async () => {
    const fake = createFakeClock();
    const read = vi.fn();
    const write = vi.fn();
    const storage = {
      item(tabId: number) {
        const item = shownContactsItems.item(tabId);
        return {
          read: () => (read(tabId), item.read()),
          write: (value: Parameters<typeof item.write>[0]) => (write(tabId), item.write(value)),
          remove: () => item.remove(),
        };
      },
    };
    const shown = createShownContacts({ storage, clock: fake.clock });
    for (let i = 0; i < 5; i += 1) await shown.remember(1, [`c-${i}`]);
    expect(await shown.wasShown(1, 'c-0')).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
    // Written after the answers, not before them: once for the burst.
    expect(write).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect(await stored(1)).toHaveLength(5));
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('forgets a contact an hour after it was last shown', async () => {
    const { fake, shown } = shownUnderTest();
    await shown.remember(1, ['c-jane', 'c-sam']);
    await fake.advance(SHOWN_FOR_MS / 2);
    // Shown again: its hour starts over.
    await shown.remember(1, ['c-sam']);
    await fake.advance(SHOWN_FOR_MS / 2);
    expect(await shown.wasShown(1, 'c-jane')).toBe(false);
    expect(await shown.wasShown(1, 'c-sam')).toBe(true);
  });

  it(`keeps the last ${SHOWN_PER_TAB} contacts of a tab`, async () => {
    const { shown } = shownUnderTest();
    const ids = Array.from({ length: SHOWN_PER_TAB + 5 }, (_, i) => `c-${i}`);
    for (let i = 0; i < ids.length; i += 10) await shown.remember(1, ids.slice(i, i + 10));
    expect(await shown.wasShown(1, 'c-4')).toBe(false);
    expect(await shown.wasShown(1, 'c-5')).toBe(true);
    expect(await shown.wasShown(1, `c-${SHOWN_PER_TAB + 4}`)).toBe(true);
    await vi.waitFor(async () => expect(await stored(1)).toHaveLength(SHOWN_PER_TAB));
  });

  it('loses nothing when two answers are noted at once (the cache and GHL search)', async () => {
    const { shown } = shownUnderTest();
    await Promise.all([shown.remember(1, ['c-cached']), shown.remember(1, ['c-from-ghl'])]);
    expect(await shown.wasShown(1, 'c-cached')).toBe(true);
    expect(await shown.wasShown(1, 'c-from-ghl')).toBe(true);
  });

  it('forgets a closed tab, and only that one', async () => {
    const { shown } = shownUnderTest();
    await shown.remember(1, ['c-jane']);
    await shown.remember(2, ['c-jane']);
    await shown.forget(1);
    expect(await shown.wasShown(1, 'c-jane')).toBe(false);
    expect(await shown.wasShown(2, 'c-jane')).toBe(true);
    expect(await stored(1)).toBeUndefined();
  });

  it('reads anything but its own list as nothing shown', async () => {
    const { shown } = shownUnderTest();
    await fakeBrowser.storage.session.set({ 'shown-contacts:1': 'c-jane' });
    expect(await shown.wasShown(1, 'c-jane')).toBe(false);
    await fakeBrowser.storage.session.set({ 'shown-contacts:1': [['c-jane', 'yesterday'], 'c-x'] });
    expect(await shown.wasShown(1, 'c-jane')).toBe(false);
    await shown.remember(1, ['c-sam']);
    expect(await shown.wasShown(1, 'c-sam')).toBe(true);
  });
});
