import type { ConnectionService } from '../auth/connection-service';
import type { TranscriptLink, TranscriptRecord } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import { GhlError } from '../ghl/ghl-error';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { MappingPreview } from '../messaging/protocol';
import { contactDisplayName } from './transcript-snapshot';
import { recordFields } from '../mapping/apply-mapping';
import type { FieldMapping } from '../mapping/field-mapping';
import { diffFields } from '../mapping/field-diff';
import { hasSnapshot, mappableContact } from '../mapping/mapping-apply';

/** The most contacts a fresh preview reads from GHL; the rest are previewed from the cache. */
export const PREVIEW_CONTACT_LIMIT = 100;

/** What {@link previewMapping} reads from. */
export interface PreviewDeps {
  db: CacheDatabase;
  /** The connected account (Sandbox or live), for a fresh preview: GET only. */
  connection: Pick<ConnectionService, 'client'>;
  /** For dates; the runtime's time zone by default. */
  timeZone?: string;
}

/** One linked transcript as the preview sees it. */
interface Linked {
  link: TranscriptLink;
  record: TranscriptRecord;
}

/**
 * What `mapping` would make of every linked transcript's record, writing nothing: before is the
 * record as it is, after is the mapping applied to its contact. The contact comes from the cache,
 * or with `fresh` from the connected account (GET per contact, at a person's priority, at most
 * PREVIEW_CONTACT_LIMIT; what GHL answers is not stored: the preview must change nothing). A
 * contact GHL no longer has, or beyond the limit, is previewed from the cache. Records the
 * mapping cannot be applied to (no snapshot yet, contact not cached) count as missing, as they
 * would be left alone by an apply.
 */
export async function previewMapping(
  deps: PreviewDeps,
  mapping: FieldMapping,
  options: { fresh: boolean },
): Promise<MappingPreview> {
  const { linked, cached } = await readLinked(deps.db);
  const { contacts: read, requests } = options.fresh
    ? await readFresh(deps, linked)
    : { contacts: new Map<string, GhlContact>(), requests: 0 };
  const preview: MappingPreview = { transcripts: [], unchanged: 0, missing: 0, requests };
  for (const { link, record } of linked) {
    const contact = read.get(link.contactId) ?? cached.get(link.contactId);
    if (!contact || !hasSnapshot(record)) {
      preview.missing += 1;
      continue;
    }
    const changes = diffFields(
      record.fields,
      recordFields(contact, mapping, { timeZone: deps.timeZone }),
    );
    if (changes.length === 0) {
      preview.unchanged += 1;
      continue;
    }
    preview.transcripts.push({
      transcriptId: link.transcriptId,
      title: record.title,
      ...(record.trintOrigin && { trintOrigin: record.trintOrigin }),
      contactId: link.contactId,
      contactName: contactDisplayName(contact),
      changes,
    });
  }
  return preview;
}

/** Every link with its record, and the contacts the cache can map, in one read. */
async function readLinked(db: CacheDatabase) {
  const tx = db.transaction(['links', 'transcripts', 'contacts']);
  const linked: Linked[] = [];
  const cached = new Map<string, GhlContact>();
  for (const link of await tx.objectStore('links').getAll()) {
    const record = (await tx.objectStore('transcripts').get(link.transcriptId)) ?? {
      transcriptId: link.transcriptId,
      noteIds: [],
    };
    linked.push({ link, record });
    if (cached.has(link.contactId)) continue;
    const contact = mappableContact(await tx.objectStore('contacts').get(link.contactId));
    if (contact) cached.set(link.contactId, contact);
  }
  await tx.done;
  // The transcripts a person looked at last come first, so they are the ones read fresh.
  linked.sort((a, b) => (b.record.lastViewedAt ?? 0) - (a.record.lastViewedAt ?? 0));
  return { linked, cached };
}

/**
 * The linked contacts of the connected location as GHL has them now, one GET each, in turn (the
 * rate budget is shared with the panels). A contact GHL no longer has is skipped; any other
 * failure ends the preview with its error, since the person asked for GHL's data.
 */
async function readFresh(deps: PreviewDeps, linked: readonly Linked[]) {
  const { ghl, locationId } = await deps.connection.client();
  const ids = [
    ...new Set(
      linked.filter(({ link }) => link.locationId === locationId).map(({ link }) => link.contactId),
    ),
  ].slice(0, PREVIEW_CONTACT_LIMIT);
  const contacts = new Map<string, GhlContact>();
  let requests = 0;
  for (const id of ids) {
    requests += 1;
    try {
      contacts.set(id, await ghl.contacts.get(id, { priority: 'user' }));
    } catch (error) {
      if (!(error instanceof GhlError && error.kind === 'not-found')) throw error;
    }
  }
  return { contacts, requests };
}
