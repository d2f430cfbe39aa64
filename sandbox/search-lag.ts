import type { Clock } from '../utils/clock';

/**
 * GHL's contact search is eventually consistent: its search documentation says changes take a
 * few seconds to appear, and GoHighLevel/highlevel-api-docs#289 shows an exact search missing a
 * contact that GET by id returns. The Sandbox's search therefore does not see a contact created
 * less than `lagMs` ago (GET by id, lists and the duplicate check see it at once).
 */

/** The default lag: "a few seconds". */
export const DEFAULT_SEARCH_LAG_MS = 3_000;

/** When each new contact becomes visible to search. */
export function createSearchLag(clock: Clock, lagMs = DEFAULT_SEARCH_LAG_MS) {
  const visibleAt = new Map<string, number>();
  let lag = lagMs;
  return {
    /** A contact was created now: search sees it once the lag has passed. */
    created(id: string) {
      if (lag > 0) visibleAt.set(id, clock.now() + lag);
    },
    /** Whether search sees the contact yet. */
    visible(id: string): boolean {
      const at = visibleAt.get(id);
      if (at === undefined) return true;
      if (clock.now() < at) return false;
      visibleAt.delete(id);
      return true;
    },
    lagMs: () => lag,
    /** Changes the lag for contacts created from now on (0: search sees them at once). */
    setLag(ms: number) {
      lag = ms;
    },
    clear() {
      visibleAt.clear();
    },
  };
}
