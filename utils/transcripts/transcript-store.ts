import type { Clock } from '../clock';
import type { CachedContact, TranscriptLink } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import type { OutboxJobView } from '../messaging/write-schemas';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { FieldMapping } from '../mapping/field-mapping';
import type { SyncSettings } from '../storage/sync-settings';
import { attachNoteToTranscript } from './transcript-note-attach';
import { recordTranscriptLog } from './transcript-log-record';
import {
  blankRecord,
  findLinkMarkers,
  linkTranscript,
  type LinkMarker,
  unlinkTranscript,
  type LinkOptions,
} from './transcript-links';
import type { TranscriptView } from './transcript-view';
import type { TranscriptViewCache } from './transcript-view-cache';
import { composeTranscriptView, readViewRecords, syncedParts } from './transcript-view-reader';

/** What {@link createTranscriptStore} is built from. */
export interface TranscriptStoreDeps {
  db: CacheDbSource;
  clock: Clock;
  /** Time zone of the dates in timeline lines; the runtime's by default. */
  timeZone?: string;
  /** The live field mapping (records, the panel's fields): fieldMappingItem.read in the extension. */
  mapping: () => Promise<FieldMapping>;
  /** What the person chose to sync (what a view shows): syncSettingsItem.read in the extension. */
  settings: () => Promise<SyncSettings>;
  /** Views' records kept in memory (the background's); without it every view is read anew. */
  viewCache?: TranscriptViewCache;
}

/**
 * The Trint side of the cache: which contact each transcript links to (see transcript-links), the
 * extension's record of each transcript, and what a panel reads.
 */
export function createTranscriptStore(deps: TranscriptStoreDeps) {
  const { clock } = deps;

  return {
    /** Links a transcript to a contact (see linkTranscript). */
    async link(
      transcriptId: string,
      contactId: string,
      locationId: string,
      options: LinkOptions = {},
    ): Promise<TranscriptLink> {
      return linkTranscript(deps, transcriptId, contactId, locationId, options);
    },

    /** Removes a transcript's link (see unlinkTranscript). */
    async unlink(
      transcriptId: string,
      options: Pick<LinkOptions, 'contactName'> = {},
    ): Promise<TranscriptLink | undefined> {
      return unlinkTranscript(deps, transcriptId, options);
    },

    /**
     * Notes that a panel shows the transcript now: it moves to the "recent" freshness tier, and
     * its contact counts as used (not evicted).
     */
    async markViewed(
      transcriptId: string,
      details: { title?: string; trintOrigin?: string } = {},
    ): Promise<void> {
      const db = await deps.db.get();
      const now = clock.now();
      const tx = db.transaction(['links', 'transcripts', 'contacts'], 'readwrite');
      const record =
        (await tx.objectStore('transcripts').get(transcriptId)) ?? blankRecord(transcriptId);
      await tx.objectStore('transcripts').put({
        ...record,
        title: details.title ?? record.title,
        ...(details.trintOrigin && { trintOrigin: details.trintOrigin }),
        lastViewedAt: now,
      });
      const link = await tx.objectStore('links').get(transcriptId);
      const contact = link && (await tx.objectStore('contacts').get(link.contactId));
      if (contact) await tx.objectStore('contacts').put({ ...contact, lastUsedAt: now });
      await tx.done;
    },

    /**
     * Everything a panel shows for a transcript; `pending` are the outbox's unsent writes (or
     * their coming read, waited for alongside the cache's).
     */
    async readView(
      transcriptId: string,
      pending: readonly OutboxJobView[] | Promise<readonly OutboxJobView[]> = [],
    ): Promise<TranscriptView> {
      const read = async () => readViewRecords(await deps.db.get(), transcriptId);
      const [records, mapping, settings, jobs] = await Promise.all([
        deps.viewCache ? deps.viewCache.records(transcriptId, read) : read(),
        deps.mapping(),
        deps.settings(),
        pending,
      ]);
      return composeTranscriptView(transcriptId, records, jobs, {
        mapping,
        shows: syncedParts(settings),
      });
    },

    /** The outbox's unsent writes: kept in memory with the views when there is a view cache. */
    pendingWrites(
      list: () => Promise<readonly OutboxJobView[]>,
    ): Promise<readonly OutboxJobView[]> {
      return deps.viewCache ? deps.viewCache.pending(list) : list();
    },

    /** The transcript's link, if it has one. */
    async linkOf(transcriptId: string): Promise<TranscriptLink | undefined> {
      return (await deps.db.get()).get('links', transcriptId);
    },

    /** The contact as cached (or undefined): whether it exists, was deleted, its fields. */
    async cachedContact(contactId: string): Promise<CachedContact | undefined> {
      return (await deps.db.get()).get('contacts', contactId);
    },

    /** Which of these transcripts are linked, and to whom (see findLinkMarkers). */
    async findLinks(transcriptIds: readonly string[]): Promise<LinkMarker[]> {
      return findLinkMarkers(deps, transcriptIds);
    },

    /** Attaches a note made from the transcript's panel to it (see attachNoteToTranscript). */
    async attachNote(transcriptId: string, contactId: string, note: GhlNote): Promise<boolean> {
      return attachNoteToTranscript(deps, transcriptId, contactId, note);
    },

    /** Keeps the note a "Log this transcript" wrote with the link (see recordTranscriptLog). */
    async recordLog(transcriptId: string, contactId: string, note: GhlNote): Promise<boolean> {
      return recordTranscriptLog(deps, transcriptId, contactId, note);
    },

    /** The transcripts linked to a contact. */
    async linkedTranscripts(contactId: string): Promise<string[]> {
      const db = await deps.db.get();
      const links = await db.getAllFromIndex('links', 'by-contact', contactId);
      return links.map((l) => l.transcriptId);
    },
  };
}

/** See {@link createTranscriptStore}. */
export type TranscriptStore = ReturnType<typeof createTranscriptStore>;
