import { browser } from 'wxt/browser';
import type { Clock } from '../clock';
import type { StoredItem } from '../storage/stored-item';

/** Notification ids start with this, then `:` and the failure's kind. */
export const FAILURE_NOTIFICATION_PREFIX = 'ghl-write-failed';
/** At most one notification per kind in this time. */
export const FAILURE_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

/** A notification to show. */
export interface Notice {
  id: string;
  title: string;
  message: string;
}

/** Where the last times live: epoch ms by kind (failureNoticesItem in the extension). */
export type NoticeStorage = Pick<StoredItem<Record<string, number>>, 'read' | 'write'>;

export interface FailureNotifierDeps {
  /** Where the last times live (failureNoticesItem in the extension). */
  storage: NoticeStorage;
  clock: Pick<Clock, 'now'>;
  notify: (notice: Notice) => Promise<unknown>;
}

export interface FailureNotifier {
  /**
   * Tells the person about a new permanent failure of `kind` (e.g. the error kind), unless one of
   * that kind was shown in the last hour. Resolves true when a notification was shown.
   */
  notice(kind: string, message: string): Promise<boolean>;
}

/**
 * Notifications for writes that failed for good, throttled per kind: a run of failures of one
 * kind (say, GHL refusing a field) makes one notification an hour, not one per write. The last
 * times are kept in storage, not memory, because the service worker is stopped between events
 * and would otherwise forget and notify again on every wake.
 */
export function createFailureNotifier({
  storage,
  clock,
  notify,
}: FailureNotifierDeps): FailureNotifier {
  // One notice at a time, so two failures arriving together cannot both read "never shown".
  let queue: Promise<unknown> = Promise.resolve();

  async function noticeNow(kind: string, message: string): Promise<boolean> {
    const now = clock.now();
    const lastShown = await storage.read();
    const last = lastShown[kind];
    // A time in the future (clock changed) would block notices for good; treat it as stale.
    if (last !== undefined && last <= now && now - last < FAILURE_NOTICE_INTERVAL_MS) return false;
    // Forget kinds that can notify again anyway, so the record stays small.
    const kept = Object.entries(lastShown).filter(
      ([, at]) => at <= now && now - at < FAILURE_NOTICE_INTERVAL_MS,
    );
    // Shown first, recorded after: a notification that could not be shown does not count.
    await notify({
      // One id per kind: a later notice of the kind replaces the earlier one instead of stacking.
      id: `${FAILURE_NOTIFICATION_PREFIX}:${kind}`,
      title: 'GHL for Trint: a change could not be sent',
      message,
    });
    await storage.write({ ...Object.fromEntries(kept), [kind]: now });
    return true;
  }

  return {
    notice(kind, message) {
      const result = queue.then(() => noticeNow(kind, message));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Shows a notice as a browser notification with the extension's icon. */
export async function showBrowserNotification(notice: Notice): Promise<void> {
  await browser.notifications.create(notice.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notice.title,
    message: notice.message,
  });
}
