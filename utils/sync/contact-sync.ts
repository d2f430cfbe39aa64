import type { Clock } from '../clock';
import type { CacheDatabase } from '../db/open-cache-db';
import type { CallOptions } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { storeFetchedContact } from './contact-cache-write';
import { markContactDeleted } from './contact-deletion';
import type { ContactReads } from './contact-reads';
import type { SyncSettings } from './sync-settings';

/** What {@link syncContact} works with. */
export interface ContactSyncDeps {
  db: CacheDatabase;
  ghl: ContactReads;
  locationId: string;
  clock: Clock;
  settings: Pick<SyncSettings, 'notes'>;
  /** Time zone of the dates in timeline lines; the runtime's by default. */
  timeZone?: string;
}

/** A linked transcript whose cached view changed: what its open panel is told. */
export interface TranscriptChange {
  transcriptId: string;
  contactId: string;
  /** What changed: "contact", "tasks", "notes", "appointments", "activity". */
  what: string[];
}

/** What one contact sync did. */
export interface ContactSyncResult {
  /** GHL calls made (1 when the contact is gone, else 4). */
  requests: number;
  /** Changes found in GHL (none on a contact's first sync: that is the baseline). */
  changes: number;
  changedTranscripts: TranscriptChange[];
  /** GHL answered 404: the contact was deleted there. */
  deleted: boolean;
}

/**
 * Syncs one contact: GET the contact, its tasks, notes and appointments; write them to the
 * cache; update every linked transcript's record (fields snapshot, attached notes) and timeline.
 * The network comes first and every cache write after, in one transaction that also reads the
 * "before" state: two syncs of one contact at once cannot both narrate the same change, and a
 * person's write cached meanwhile is kept (see preferNewerWrites).
 */
export async function syncContact(
  deps: ContactSyncDeps,
  contactId: string,
  call: CallOptions,
): Promise<ContactSyncResult> {
  const { ghl, clock } = deps;
  const startedAt = clock.now();
  let contact: GhlContact;
  try {
    contact = await ghl.contacts.get(contactId, call);
  } catch (error) {
    if (error instanceof GhlError && error.kind === 'not-found')
      return markContactDeleted(deps, contactId);
    throw error;
  }
  const [tasks, notes, appointments] = await Promise.all([
    ghl.tasks.list(contactId, call),
    ghl.notes.list(contactId, call),
    ghl.appointments.list(contactId, call),
  ]);
  return storeFetchedContact(deps, { contact, tasks, notes, appointments }, startedAt);
}
