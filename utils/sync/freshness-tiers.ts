import type { TranscriptLink, TranscriptRecord } from '../db/cache-schema';
import { retryAt, type ContactFailure } from './sync-failures';
import type { SyncSettings } from '../storage/sync-settings';
import { fitToBudget, type FittedSettings, type SyncCosts, type TierCounts } from './daily-budget';

/**
 * How fresh a linked contact must be, by how the person uses its transcripts: open in a tab now,
 * viewed in the last 24 hours, viewed in the last 30 days (or never shown), or dormant (not viewed
 * for 30 days). A contact takes the best tier among its transcripts.
 */
export type FreshnessTier = 'open' | 'recent' | 'other' | 'dormant';

/** Tiers best first: the order due contacts are synced in. */
export const TIER_ORDER: readonly FreshnessTier[] = ['open', 'recent', 'other', 'dormant'];

/** A transcript viewed this recently counts as "recent". */
export const RECENT_VIEW_MS = 24 * 60 * 60_000;

/**
 * A transcript not viewed for this long is "dormant". Most of a long-time user's links are: read
 * hourly, each would cost 96 GET a day (4 reads an hour) for a contact nobody looks at.
 */
export const DORMANT_AFTER_MS = 30 * 24 * 60 * 60_000;

/** What the plan is made from, all read from IndexedDB and the open tabs. */
export interface FreshnessInputs {
  links: readonly TranscriptLink[];
  records: readonly Pick<TranscriptRecord, 'transcriptId' | 'lastViewedAt'>[];
  /** The cached contacts' sync facts, by contact id (missing: never synced). */
  contacts: ReadonlyMap<string, ContactSyncFacts>;
  openTranscriptIds: Iterable<string>;
  settings: SyncSettings;
  now: number;
  /**
   * A contact falling due within this much time counts as due now. Runs start on a 30 s alarm:
   * without it, a contact due 1 s after a run would wait for the run after, twice its tier's age.
   */
  graceMs?: number;
  /** A person asked for a sync (Sync now, a new connection): every contact counts as due. */
  everyContact?: boolean;
  /** The daily budget the tiers are fitted into (see daily-budget); none: the settings as they are. */
  budget?: { requestsPerDay: number; costs: SyncCosts };
  /**
   * Applied after the budget fit: the quota pressure's stretch (quota-stretch.ts), so a short
   * quota slows the tiers 4× from what the budget allows, not from the settings.
   */
  afterFit?: (settings: SyncSettings) => SyncSettings;
}

/** What the plan knows of a cached contact. */
export interface ContactSyncFacts {
  syncedAt?: number;
  deletedAt?: number;
  /** Its last sync failed: it waits for a retry (see sync-failures). */
  failure?: ContactFailure;
}

/** One linked contact in the plan. */
export interface PlannedContact {
  contactId: string;
  locationId: string;
  tier: FreshnessTier;
  /** When it falls due (a failed one: when it may be retried); -Infinity when never synced. */
  dueAt: number;
  syncedAt?: number;
}

/** Which contacts to sync now, in order, and when the next of the others falls due. */
export interface SyncPlan {
  due: PlannedContact[];
  /** The earliest due time among contacts not due now. */
  nextDueAt?: number;
  /** Every linked contact not deleted in GHL, with its tier. */
  all: PlannedContact[];
  /** The tiers fitted into the daily budget, when a budget was given. */
  fitted?: FittedSettings;
}

/** The longest a contact of `tier` may go without a sync. */
export function tierMaxAgeMs(tier: FreshnessTier, settings: SyncSettings): number {
  if (tier === 'open') return settings.openTabSeconds * 1000;
  if (tier === 'recent') return settings.recentMinutes * 60_000;
  if (tier === 'other') return settings.otherMinutes * 60_000;
  return settings.dormantHours * 60 * 60_000;
}

/**
 * Plans a sync: every linked contact with its tier and due time, the due ones ordered open tab
 * first, then recent, then the rest, most overdue first within a tier. Contacts deleted in GHL are
 * left out: asking again would only spend the budget on another 404. A contact whose last sync
 * failed waits for its retry time, unless `everyContact`.
 */
export function planSync(inputs: FreshnessInputs): SyncPlan {
  const { now } = inputs;
  const open = new Set(inputs.openTranscriptIds);
  const viewedAt = new Map(inputs.records.map((r) => [r.transcriptId, r.lastViewedAt]));
  const best = new Map<string, { tier: FreshnessTier; locationId: string }>();
  for (const link of inputs.links) {
    const tier = tierOf(link.transcriptId, open, viewedAt.get(link.transcriptId), now);
    const current = best.get(link.contactId);
    if (!current || TIER_ORDER.indexOf(tier) < TIER_ORDER.indexOf(current.tier)) {
      best.set(link.contactId, { tier, locationId: link.locationId });
    }
  }
  const live = [...best].filter(([id]) => inputs.contacts.get(id)?.deletedAt === undefined);
  const counts: TierCounts = { open: 0, recent: 0, other: 0, dormant: 0 };
  for (const [, { tier }] of live) counts[tier] += 1;
  const fitted =
    inputs.budget &&
    fitToBudget(inputs.settings, counts, inputs.budget.costs, inputs.budget.requestsPerDay);
  const fittedSettings = fitted?.settings ?? inputs.settings;
  const settings = inputs.afterFit?.(fittedSettings) ?? fittedSettings;
  const all: PlannedContact[] = [];
  for (const [contactId, { tier, locationId }] of live) {
    const cached = inputs.contacts.get(contactId);
    const syncedAt = cached?.syncedAt;
    const maxAge = tierMaxAgeMs(tier, settings);
    let dueAt = syncedAt === undefined ? -Infinity : syncedAt + maxAge;
    if (cached?.failure) dueAt = Math.max(dueAt, retryAt(cached.failure, maxAge));
    all.push({ contactId, locationId, tier, dueAt, syncedAt });
  }
  const horizon = inputs.everyContact ? Infinity : now + (inputs.graceMs ?? 0);
  const due = all
    .filter((c) => c.dueAt <= horizon)
    .sort(
      (a, b) =>
        TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
        a.dueAt - b.dueAt ||
        (a.contactId < b.contactId ? -1 : 1),
    );
  const later = all.filter((c) => c.dueAt > horizon).map((c) => c.dueAt);
  const nextDueAt = later.length > 0 ? Math.min(...later) : undefined;
  return { due, all, nextDueAt, ...(fitted && { fitted }) };
}

function tierOf(
  transcriptId: string,
  open: ReadonlySet<string>,
  lastViewedAt: number | undefined,
  now: number,
): FreshnessTier {
  if (open.has(transcriptId)) return 'open';
  // Never shown (a link carried over from an older version): kept hourly, to be safe.
  if (lastViewedAt === undefined) return 'other';
  if (now - lastViewedAt <= RECENT_VIEW_MS) return 'recent';
  if (now - lastViewedAt <= DORMANT_AFTER_MS) return 'other';
  return 'dormant';
}
