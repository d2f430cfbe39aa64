import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createFailureNotifier,
  FAILURE_NOTICE_INTERVAL_MS,
  FAILURE_NOTIFICATION_PREFIX,
  showBrowserNotification,
  type Notice,
} from '../failure-notice';
import { FAILURE_NOTICES_KEY, failureNoticesItem } from '../../storage/failure-notices-item';

const MINUTE = 60_000;

describe('createFailureNotifier', () => {
  let now: number;
  let shown: Notice[];
  const clock = { now: () => now };
  const notify = async (notice: Notice) => void shown.push(notice);

  beforeEach(() => {
    fakeBrowser.reset();
    now = 1_700_000_000_000;
    shown = [];
  });

  it('shows one notification per kind within an hour', async () => {
    const notifier = createFailureNotifier({ storage: failureNoticesItem, clock, notify });
    expect(await notifier.notice('validation', 'GHL refused the due date.')).toBe(true);
    now += 30 * MINUTE;
    expect(await notifier.notice('validation', 'GHL refused the title.')).toBe(false);
    expect(shown).toEqual([
      {
        id: `${FAILURE_NOTIFICATION_PREFIX}:validation`,
        title: 'GHL for Trint: a change could not be sent',
        message: 'GHL refused the due date.',
      },
    ]);
  });

  it('shows another kind at once', async () => {
    const notifier = createFailureNotifier({ storage: failureNoticesItem, clock, notify });
    await notifier.notice('validation', 'a');
    await notifier.notice('not-found', 'b');
    expect(shown.map((notice) => notice.id)).toEqual([
      'ghl-write-failed:validation',
      'ghl-write-failed:not-found',
    ]);
  });

  it('shows the kind again once the hour has passed', async () => {
    const notifier = createFailureNotifier({ storage: failureNoticesItem, clock, notify });
    await notifier.notice('validation', 'a');
    now += FAILURE_NOTICE_INTERVAL_MS - 1;
    await notifier.notice('validation', 'b');
    now += 1;
    await notifier.notice('validation', 'c');
    expect(shown.map((notice) => notice.message)).toEqual(['a', 'c']);
  });

  it('remembers across a restart of the background (a new notifier)', async () => {
    await createFailureNotifier({ storage: failureNoticesItem, clock, notify }).notice(
      'validation',
      'a',
    );
    now += 10 * MINUTE;
    const restarted = createFailureNotifier({ storage: failureNoticesItem, clock, notify });
    expect(await restarted.notice('validation', 'b')).toBe(false);
    expect(shown).toHaveLength(1);
  });

  it('notifies once for two failures of a kind arriving together', async () => {
    const notifier = createFailureNotifier({ storage: failureNoticesItem, clock, notify });
    const results = await Promise.all([notifier.notice('auth', 'a'), notifier.notice('auth', 'b')]);
    expect(results).toEqual([true, false]);
    expect(shown).toHaveLength(1);
  });

  it('tries again next time when the notification could not be shown', async () => {
    const failing = vi.fn().mockRejectedValueOnce(new Error('no permission'));
    const notifier = createFailureNotifier({ storage: failureNoticesItem, clock, notify: failing });
    await expect(notifier.notice('validation', 'a')).rejects.toThrow('no permission');
    expect(await notifier.notice('validation', 'b')).toBe(true);
  });

  it('forgets expired kinds and ignores a malformed or future record', async () => {
    await fakeBrowser.storage.session.set({
      [FAILURE_NOTICES_KEY]: { old: now - 2 * FAILURE_NOTICE_INTERVAL_MS, future: now + MINUTE },
    });
    const notifier = createFailureNotifier({ storage: failureNoticesItem, clock, notify });
    expect(await notifier.notice('future', 'a')).toBe(true);
    const stored = await fakeBrowser.storage.session.get(FAILURE_NOTICES_KEY);
    expect(stored[FAILURE_NOTICES_KEY]).toEqual({ future: now });

    await fakeBrowser.storage.session.set({ [FAILURE_NOTICES_KEY]: 'garbage' });
    expect(await notifier.notice('future', 'b')).toBe(true);
  });

  it('uses the storage it is given', async () => {
    const items: Record<string, unknown> = {};
    const storage = {
      read: async () => (items[FAILURE_NOTICES_KEY] ?? {}) as Record<string, number>,
      write: async (next: Record<string, number>) => void (items[FAILURE_NOTICES_KEY] = next),
    };
    await createFailureNotifier({ storage, clock, notify }).notice('validation', 'a');
    expect(items[FAILURE_NOTICES_KEY]).toEqual({ validation: now });
    expect(await fakeBrowser.storage.session.get(FAILURE_NOTICES_KEY)).toEqual({});
  });
});

describe('showBrowserNotification', () => {
  it('creates a basic notification with the given id', async () => {
    fakeBrowser.reset();
    const create = vi
      .spyOn(browser.notifications, 'create')
      .mockImplementation(async () => 'ghl-write-failed:x');
    await showBrowserNotification({ id: 'ghl-write-failed:x', title: 'T', message: 'M' });
    expect(create).toHaveBeenCalledWith(
      'ghl-write-failed:x',
      expect.objectContaining({ type: 'basic', title: 'T', message: 'M' }),
    );
  });
});
