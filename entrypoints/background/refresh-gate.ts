import type { SenderRole } from '@/utils/messaging/protocol';
import type { TrintBudget } from './trint-budget';

/**
 * A contact synced this recently is fresh: opening or linking its transcript again within it
 * (two tabs, a page looping pushState, a link made a second ago) reads GHL for nothing (issue 18).
 */
export const FRESH_ENOUGH_MS = 5_000;

/** What a message's refresh of a contact is judged on. */
export interface RefreshAsk {
  /** When the cached contact was last synced (undefined: never). */
  syncedAt: number | undefined;
  now: number;
  role: SenderRole;
  locationId: string;
  /** The budget all Trint tabs share; none in some tests. */
  budget?: Pick<TrintBudget, 'trySpend'>;
}

/**
 * Whether a refresh a message asks for goes to GHL: not for a contact synced seconds ago, and
 * from a Trint tab only while the Trint pages' budget allows (an extension page is a person in
 * the popup or settings, outside that budget). Otherwise the cache answers alone.
 */
export async function mayRefresh(ask: RefreshAsk): Promise<boolean> {
  if (ask.syncedAt !== undefined && ask.now - ask.syncedAt < FRESH_ENOUGH_MS) return false;
  if (ask.role !== 'trint-tab' || !ask.budget) return true;
  return ask.budget.trySpend(ask.locationId, 'refresh');
}
