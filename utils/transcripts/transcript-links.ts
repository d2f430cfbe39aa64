import type { CachedContact, TranscriptLink, TranscriptRecord } from '../db/cache-schema';
import { recordFields } from '../mapping/apply-mapping';
import { appliedMapping, MAPPING_APPLIED_KEY } from '../mapping/mapping-apply';
import { TRINT_FIELDS } from '../mapping/field-mapping';
import { appendActivity } from './activity-log';
import { narrateActivity } from './activity-narrative';
import type { SyncSettings } from '../storage/sync-settings';
import { contactDisplayName } from './transcript-snapshot';
import type { TranscriptStoreDeps } from './transcript-store';

/**
 * Linking a transcript to a contact, and unlinking it. A transcript links to one primary
 * contact; linking it again replaces the link, with an "unlinked" and a "linked" line on its
 * timeline.
 */

/** Options of a link. */
export interface LinkOptions {
  /** The contact's name, when the caller has it and the cache does not (a fresh search result). */
  contactName?: string;
  /** Which cached notes to attach at once; the next sync applies the setting anyway. */
  notes?: SyncSettings['notes'];
}

/** An empty record of a transcript the extension has not seen yet. */
export function blankRecord(transcriptId: string): TranscriptRecord {
  return { transcriptId, noteIds: [] };
}

/** Links a transcript to a contact; a no-op when it already links there. */
export async function linkTranscript(
  deps: TranscriptStoreDeps,
  transcriptId: string,
  contactId: string,
  locationId: string,
  options: LinkOptions,
): Promise<TranscriptLink> {
  // Read before the cache transaction: an idb transaction ends at a non-IndexedDB await.
  const mapping = await deps.mapping();
  const db = await deps.db.get();
  const now = deps.clock.now();
  const tx = db.transaction(
    ['links', 'transcripts', 'contacts', 'notes', 'activity', 'meta'],
    'readwrite',
  );
  const previous = await tx.objectStore('links').get(transcriptId);
  if (previous?.contactId === contactId && previous.locationId === locationId) {
    await tx.done;
    return previous;
  }
  const record =
    (await tx.objectStore('transcripts').get(transcriptId)) ?? blankRecord(transcriptId);
  const activity = tx.objectStore('activity');
  if (previous) {
    const before = await tx.objectStore('contacts').get(previous.contactId);
    const context = narrativeContext(deps, previous, before, undefined, now);
    await appendActivity(activity, transcriptId, [narrateActivity({ kind: 'unlinked' }, context)]);
  }
  const link: TranscriptLink = { transcriptId, contactId, locationId, linkedAt: now };
  await tx.objectStore('links').put(link);
  const cached = await tx.objectStore('contacts').get(contactId);
  const next: TranscriptRecord = {
    transcriptId,
    title: record.title,
    // The host it was seen on stays: its links lead there whoever it is linked to.
    ...(record.trintOrigin && { trintOrigin: record.trintOrigin }),
    lastViewedAt: record.lastViewedAt,
    noteIds: [],
  };
  // A contact the cache already knows gives the record its fields and notes at once, so the
  // next sync compares against them instead of treating everything as new.
  if (cached && cached.deletedAt === undefined && cached.syncedAt !== undefined) {
    const notes = await tx.objectStore('notes').index('by-contact').getAll(contactId);
    const attach = options.notes ?? 'all';
    // The mapping the records are computed with, should a save have landed since it was read.
    const live = appliedMapping(await tx.objectStore('meta').get(MAPPING_APPLIED_KEY)) ?? mapping;
    next.fields = recordFields(cached.contact, live, { timeZone: deps.timeZone });
    next.snapshotAt = cached.syncedAt;
    next.noteIds = notes
      .filter((n) => attach === 'all' || (attach === 'pinned' && n.value.pinned === true))
      .map((n) => n.id);
  }
  if (cached) await tx.objectStore('contacts').put({ ...cached, lastUsedAt: now });
  await tx.objectStore('transcripts').put(next);
  const context = narrativeContext(deps, link, cached, options.contactName, now);
  await appendActivity(activity, transcriptId, [narrateActivity({ kind: 'linked' }, context)]);
  await tx.done;
  return link;
}

/**
 * Removes a transcript's link; its record keeps the title and when it was viewed. The contact's
 * name comes from the cache, or from `contactName` once the cache no longer has it.
 */
export async function unlinkTranscript(
  deps: TranscriptStoreDeps,
  transcriptId: string,
  options: Pick<LinkOptions, 'contactName'>,
): Promise<TranscriptLink | undefined> {
  const db = await deps.db.get();
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'activity'], 'readwrite');
  const previous = await tx.objectStore('links').get(transcriptId);
  if (previous) {
    const record =
      (await tx.objectStore('transcripts').get(transcriptId)) ?? blankRecord(transcriptId);
    await tx.objectStore('links').delete(transcriptId);
    await tx.objectStore('transcripts').put({
      transcriptId,
      title: record.title,
      ...(record.trintOrigin && { trintOrigin: record.trintOrigin }),
      lastViewedAt: record.lastViewedAt,
      noteIds: [],
    });
    const cached = await tx.objectStore('contacts').get(previous.contactId);
    const context = narrativeContext(deps, previous, cached, options.contactName, deps.clock.now());
    await appendActivity(tx.objectStore('activity'), transcriptId, [
      narrateActivity({ kind: 'unlinked' }, context),
    ]);
  }
  await tx.done;
  return previous;
}

/** Who a timeline line of a link is about: the cached contact's name, else the one given. */
function narrativeContext(
  deps: TranscriptStoreDeps,
  link: TranscriptLink,
  cached: CachedContact | undefined,
  name: string | undefined,
  at: number,
) {
  return {
    contactId: link.contactId,
    locationId: link.locationId,
    contactName: cached ? contactDisplayName(cached.contact) : (name ?? 'a GHL contact'),
    at,
    timeZone: deps.timeZone,
  };
}

/** A linked transcript and who it links to, for the markers on Trint's file list. */
export interface LinkMarker {
  transcriptId: string;
  contactName: string;
}

/**
 * Which of these transcripts are linked, and to whom: the cached contact's name, else the speaker
 * name in the transcript's fields (a contact evicted or never cached; 'Name' in records from
 * before the mapping, not yet recomputed). Unlinked ones are left out.
 */
export async function findLinkMarkers(
  deps: Pick<TranscriptStoreDeps, 'db'>,
  transcriptIds: readonly string[],
): Promise<LinkMarker[]> {
  const db = await deps.db.get();
  const tx = db.transaction(['links', 'transcripts', 'contacts']);
  const markers: LinkMarker[] = [];
  for (const transcriptId of new Set(transcriptIds)) {
    const link = await tx.objectStore('links').get(transcriptId);
    if (!link) continue;
    const cached = await tx.objectStore('contacts').get(link.contactId);
    const record = cached ? undefined : await tx.objectStore('transcripts').get(transcriptId);
    const contactName = cached
      ? contactDisplayName(cached.contact)
      : (record?.fields?.[TRINT_FIELDS.speakerName] ?? record?.fields?.Name ?? 'Unknown contact');
    markers.push({ transcriptId, contactName });
  }
  await tx.done;
  return markers;
}
