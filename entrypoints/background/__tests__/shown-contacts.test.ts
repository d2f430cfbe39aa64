import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createFakeClock } from '@/test/support/fake-clock';
import { shownContactsItems } from '@/utils/storage/shown-contacts-item';
import { createShownContacts, SHOWN_FOR_MS, SHOWN_PER_TAB } from '../shown-contacts';

function shownUnderTest() {
  const fake = createFakeClock();
  const start = () => createShownContacts({ storage: shownContactsItems, clock: fake.clock });
  return { fake, shown: start(), start };
}

describe('the contacts shown to each tab', () => {
  beforeEach(() => fakeBrowser.reset());

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
    expect(await start().wasShown(1, 'c-jane')).toBe(true);
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
    const stored = await fakeBrowser.storage.session.get('shown-contacts:1');
    expect(stored['shown-contacts:1']).toHaveLength(SHOWN_PER_TAB);
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
    expect(await fakeBrowser.storage.session.get('shown-contacts:1')).toEqual({});
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
