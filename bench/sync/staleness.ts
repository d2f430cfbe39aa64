// Edit → visible: when each GHL edit became visible in the extension (or, for the naive poller,
// was fetched), by tier.
import type { GhlEdit, Tier } from './edit-stream';

/** An edit made at `at` (simulated time), waiting to be seen. */
interface Pending<T extends string> {
  edit: GhlEdit<T>;
  at: number;
}

/** Tracks edits from when they were made to when they were seen (`T`: the tier names). */
export function createStalenessTracker<T extends string = Tier>() {
  const pending = new Map<string, Pending<T>[]>();
  const seen: { tier: T; ms: number }[] = [];

  return {
    /** An edit was made in GHL at `at`. */
    made(edit: GhlEdit<T>, at: number) {
      const list = pending.get(edit.contactId) ?? [];
      list.push({ edit, at });
      pending.set(edit.contactId, list);
    },
    /**
     * At `now`, the contact's edits that a read answered after they were made (`readAt` gives
     * when GHL last answered that part) are seen.
     */
    seeContact(
      contactId: string,
      now: number,
      readAt: (part: GhlEdit['part']) => number | undefined,
    ) {
      const list = pending.get(contactId);
      if (!list) return;
      const still = list.filter(({ edit, at }) => {
        const read = readAt(edit.part);
        // A read in the same instant as the edit may have come first: only a later one counts.
        if (read === undefined || read <= at) return true;
        seen.push({ tier: edit.tier, ms: now - at });
        return false;
      });
      if (still.length) pending.set(contactId, still);
      else pending.delete(contactId);
    },
    /**
     * p50, p95 and counts for one tier at `endAt`. An edit never seen counts as `endAt - at` (a
     * lower bound): a percentile that lands on one is marked `atLeast`.
     */
    stats(tier: T, endAt: number) {
      const values = [
        ...seen.filter((s) => s.tier === tier).map((s) => ({ ms: s.ms, unseen: false })),
        ...[...pending.values()]
          .flat()
          .filter((p) => p.edit.tier === tier)
          .map((p) => ({ ms: endAt - p.at, unseen: true })),
      ].sort((a, b) => a.ms - b.ms);
      const at = (p: number) => {
        const rank = Math.ceil((p / 100) * values.length);
        const value = values[Math.min(values.length - 1, Math.max(0, rank - 1))];
        return { ms: value?.ms ?? Number.NaN, atLeast: value?.unseen ?? false };
      };
      return {
        edits: values.length,
        unseen: values.filter((v) => v.unseen).length,
        p50: at(50),
        p95: at(95),
      };
    },
    pendingCount: () => [...pending.values()].reduce((sum, list) => sum + list.length, 0),
  };
}

/** See {@link createStalenessTracker}. */
export type StalenessTracker<T extends string = Tier> = ReturnType<
  typeof createStalenessTracker<T>
>;
