import { z } from 'zod';

/**
 * The person's sync settings, in storage.local (utils/storage/sync-settings-item.ts), with a
 * version so later changes can migrate them. The background reads them at the start of every run,
 * so a change applies from the next run without a restart.
 */
export const syncSettingsSchema = z.strictObject({
  version: z.literal(1),
  /** The contact of a transcript open in a tab is at most this old (Chrome's alarm minimum is 30 s). */
  openTabSeconds: z.number().int().min(30).max(3600),
  /** Transcripts viewed in the last 24 h. */
  recentMinutes: z.number().int().min(1).max(1440),
  /** Transcripts viewed in the last 30 days (and links whose transcript was never shown). */
  otherMinutes: z.number().int().min(5).max(10080),
  /**
   * Transcripts nobody viewed for 30 days: most links of a long-time user. Once a day spends a
   * few requests a day each instead of dozens; opening one makes it "open" at once.
   */
  dormantHours: z.number().int().min(1).max(168),
  /**
   * What to sync. A part switched off is neither fetched from GHL nor shown in the panel, so the
   * sync spends fewer requests. Contact details off keeps the name the link was made with.
   */
  contactDetails: z.boolean(),
  tasks: z.boolean(),
  /** Which GHL notes are attached to linked transcripts: all, the pinned ("key") ones, or none. */
  notes: z.enum(['all', 'pinned', 'off']),
  appointments: z.boolean(),
  /** "Others at this business" on the contact card (GET /contacts/business/:businessId). */
  businessContacts: z.boolean(),
  /**
   * Share (%) of the location's daily GHL limit this person's background sync may spend in a day;
   * the sync stretches its tiers to fit (utils/sync/daily-budget.ts). The limit is the whole
   * location's, shared by every teammate.
   */
  dailyBudgetPercent: z.number().min(1).max(100),
  /**
   * Share (%) of the location's daily GHL limit the whole team's background sync may spend: while
   * the location spends faster, each teammate's budget is cut in proportion (team-budget.ts).
   */
  teamBudgetPercent: z.number().min(1).max(100),
  /** Share of the location's burst limit background sync may spend (people keep the rest). */
  backgroundShare: z.number().min(0.1).max(0.9),
  /** Audit entries older than this are removed. */
  auditRetentionDays: z.number().int().min(1).max(365),
  /** Contacts no transcript links to are evicted, least recently used first, above this count. */
  maxUnlinkedContacts: z.number().int().min(50).max(100_000),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  version: 1,
  openTabSeconds: 30,
  recentMinutes: 5,
  otherMinutes: 60,
  dormantHours: 24,
  contactDetails: true,
  tasks: true,
  notes: 'all',
  appointments: true,
  businessContacts: true,
  dailyBudgetPercent: 10,
  teamBudgetPercent: 50,
  backgroundShare: 0.5,
  auditRetentionDays: 30,
  maxUnlinkedContacts: 1000,
};

/**
 * Reads stored settings: missing fields take their default, and a stored value that no longer
 * validates is replaced by its default rather than breaking the sync.
 */
export function parseSyncSettings(value: unknown): SyncSettings {
  const stored = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const result: Record<string, unknown> = { ...DEFAULT_SYNC_SETTINGS };
  for (const key of Object.keys(DEFAULT_SYNC_SETTINGS) as (keyof SyncSettings)[]) {
    if (key === 'version' || !(key in stored)) continue;
    const field = syncSettingsSchema.shape[key].safeParse(stored[key]);
    if (field.success) result[key] = field.data;
  }
  return result as SyncSettings;
}
