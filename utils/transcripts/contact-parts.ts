import type { SyncSettings } from '../storage/sync-settings';
import { PARTS_LEFT_OUT_PREFIX } from '../db/meta-keys';

/**
 * The parts of a contact a sync reads from GHL, each with its own request: the contact itself
 * (GET /contacts/:id), its tasks, notes and appointments. "What to sync" in the settings switches
 * each on or off; a part switched off is not asked for, so a run spends fewer requests.
 *
 * A part switched off leaves its cached data as it was: the panel hides it (see
 * transcript-view-reader), and the sync neither compares it with GHL nor narrates it (a part not
 * read is not "everything removed"). When the part is switched back on, that data is stale: the
 * first read after is a baseline for the part (recorded, not narrated), as a contact's first sync
 * is. For that, the parts a contact's last sync left out are kept in the cache's `meta` store.
 */
export const CONTACT_PARTS = ['contactDetails', 'tasks', 'notes', 'appointments'] as const;
export type ContactPart = (typeof CONTACT_PARTS)[number];

/** One flag per part. */
export type PartFlags = Record<ContactPart, boolean>;

/** The settings that say which parts are read. */
export type PartSettings = Pick<SyncSettings, ContactPart>;

/** Which parts a sync reads with these settings ("pinned" notes reads every note: GHL has no filter). */
export function partsToFetch(settings: PartSettings): PartFlags {
  return {
    contactDetails: settings.contactDetails,
    tasks: settings.tasks,
    notes: settings.notes !== 'off',
    appointments: settings.appointments,
  };
}

/** `meta` key of the parts a contact's last sync left out (absent: it read every part). */
export function partsLeftOutKey(contactId: string): string {
  return PARTS_LEFT_OUT_PREFIX + contactId;
}

/** The stored parts left out; anything malformed reads as none (the cache follows every part). */
export function parsePartsLeftOut(value: unknown): Set<ContactPart> {
  if (!Array.isArray(value)) return new Set();
  return new Set(CONTACT_PARTS.filter((part) => value.includes(part)));
}

/** The parts these flags leave out, as stored (undefined when none: the key is removed). */
export function partsLeftOut(fetched: PartFlags): ContactPart[] | undefined {
  const left = CONTACT_PARTS.filter((part) => !fetched[part]);
  return left.length > 0 ? left : undefined;
}

/** How many GHL requests a sync with these parts makes (a contact GHL no longer has aside). */
export function requestCount(fetched: PartFlags): number {
  return CONTACT_PARTS.filter((part) => fetched[part]).length;
}
