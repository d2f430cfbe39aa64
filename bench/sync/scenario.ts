// One size of the sync benchmark: which transcripts link to which contacts, in which tier, and
// the simulated durations. Our scheduler and the naive poller run the same scenario.
import type { Tier } from './edit-stream';

/** See the file comment. */
export interface SyncScenario {
  n: number;
  /** Contacts the Sandbox location holds (at least n). */
  contacts: number;
  transcripts: { transcriptId: string; contactId: string; tier: Tier }[];
  byTier: Record<Tier, string[]>;
  /** The measured stretch (one hour). */
  hourMs: number;
  /** After it, how long edits made near its end may still take to show (not counted as cost). */
  drainMs: number;
  /** Every GHL answer takes this long (simulated). */
  latencyMs: number;
}

/** Transcripts viewed in the last day besides the open one. */
export const RECENT_TRANSCRIPTS = 20;

/**
 * N transcripts, each linked to its own contact (the first N of the Sandbox's seeded ones): the
 * first is open in a tab, the next {@link RECENT_TRANSCRIPTS} were viewed today, the rest not.
 */
export function syncScenario(
  contactIds: readonly string[],
  n: number,
  options: { hourMs?: number; drainMs?: number; latencyMs?: number } = {},
): SyncScenario {
  const recent = Math.min(RECENT_TRANSCRIPTS, Math.max(0, n - 2));
  const transcripts = contactIds.slice(0, n).map((contactId, i) => ({
    transcriptId: `benchTranscript${String(i).padStart(5, '0')}`,
    contactId,
    tier: (i === 0 ? 'open' : i <= recent ? 'recent' : 'rest') as Tier,
  }));
  const byTier: Record<Tier, string[]> = { open: [], recent: [], rest: [] };
  for (const t of transcripts) byTier[t.tier].push(t.contactId);
  return {
    n,
    contacts: n,
    transcripts,
    byTier,
    hourMs: options.hourMs ?? 3_600_000,
    drainMs: options.drainMs ?? 65 * 60_000,
    latencyMs: options.latencyMs ?? 100,
  };
}
