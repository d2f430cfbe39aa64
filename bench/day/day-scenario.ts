// One size of the simulated day: which transcript links to which contact, in which tier, which
// dormant transcripts get opened during the day, and the simulated durations.
import { DAY_TIER_SIZES, DAY_TIERS, dayTierOf, type DayTier, type DayTierSizes } from './day-tiers';

/** Mean time between two GHL edits in each tier (a Poisson stream per tier). */
export const DAY_EDIT_INTERVAL_MS: Record<DayTier, number> = {
  // The hour benchmark's rates (bench/sync/edit-stream.ts): its "rest" were all read hourly, as
  // the last 30 days are now.
  open: 90_000,
  today: 30_000,
  month: 15_000,
  // Our pick: a dormant contact is still someone's client; at N = 1,000 this is about one edit
  // and a half a day on each.
  dormant: 60_000,
};

/** See the file comment. */
export interface DayScenario {
  n: number;
  transcripts: { transcriptId: string; contactId: string; tier: DayTier }[];
  /** The contacts the edit stream picks from, by tier (the dormant ones to be opened left out). */
  byTier: Record<DayTier, string[]>;
  /** Dormant transcripts a person opens during the day, at `atMs` from the day's start. */
  opens: { atMs: number; transcriptId: string; contactId: string }[];
  dayMs: number;
  /** After the day, how long edits still unseen are followed (not counted as cost). */
  drainMs: number;
  /** Longest first full sync before the day starts anyway. */
  firstSyncMaxMs: number;
  /** Every GHL answer takes this long (simulated). */
  latencyMs: number;
}

/**
 * N transcripts, each linked to its own contact (the first N of the Sandbox's seeded ones), in
 * issue 17's tiers; the last `openTimes.length` dormant ones are opened at those times.
 */
export function dayScenario(
  contactIds: readonly string[],
  n: number,
  options: {
    dayMs: number;
    drainMs: number;
    firstSyncMaxMs: number;
    openTimes: readonly number[];
    sizes?: DayTierSizes;
    latencyMs?: number;
  },
): DayScenario {
  const transcripts = contactIds.slice(0, n).map((contactId, i) => ({
    transcriptId: `dayTranscript${String(i).padStart(5, '0')}`,
    contactId,
    tier: dayTierOf(i, options.sizes ?? DAY_TIER_SIZES),
  }));
  const dormant = transcripts.filter((t) => t.tier === 'dormant');
  const opened = dormant.slice(Math.max(0, dormant.length - options.openTimes.length));
  const opens = opened.map((t, k) => ({
    atMs: options.openTimes[k]!,
    transcriptId: t.transcriptId,
    contactId: t.contactId,
  }));
  const openedIds = new Set(opened.map((t) => t.contactId));
  const byTier = Object.fromEntries(DAY_TIERS.map((tier) => [tier, [] as string[]])) as Record<
    DayTier,
    string[]
  >;
  for (const t of transcripts) if (!openedIds.has(t.contactId)) byTier[t.tier].push(t.contactId);
  return {
    n,
    transcripts,
    byTier,
    opens,
    dayMs: options.dayMs,
    drainMs: options.drainMs,
    firstSyncMaxMs: options.firstSyncMaxMs,
    latencyMs: options.latencyMs ?? 100,
  };
}
