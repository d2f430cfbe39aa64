import type { Clock } from '../clock';
import type { CachedContact, TranscriptLink, TranscriptRecord } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import type { OutboxJobView } from '../outbox/outbox-operations';
import { appendActivity } from './activity-log';
import { narrateActivity } from './activity-narrative';
import type { SyncSettings } from './sync-settings';
import { contactDisplayName, contactSnapshot } from './transcript-snapshot';
import type { TranscriptView } from './transcript-view';
import { readTranscriptView } from './transcript-view-reader';

/** What {@link createTranscriptStore} is built from. */
export interface TranscriptStoreDeps {
  db: CacheDbSource;
  clock: Clock;
  /** Time zone of the dates in timeline lines; the runtime's by default. */
  timeZone?: string;
}

/** Options of a link. */
export interface LinkOptions {
  /** The contact's name, when the caller has it and the cache does not (a fresh search result). */
  contactName?: string;
  /** Which cached notes to attach at once; the next sync applies the setting anyway. */
  notes?: SyncSettings['notes'];
}

/** An empty record of a transcript the extension has not seen yet. */
function blankRecord(transcriptId: string): TranscriptRecord {
  return { transcriptId, noteIds: [] };
}

/**
 * The Trint side of the cache: which contact each transcript links to, the extension's record of
 * each transcript, and what a panel reads. A transcript links to one primary contact; linking it
 * again replaces the link, with an "unlinked" and a "linked" line on its timeline.
 */
export function createTranscriptStore(deps: TranscriptStoreDeps) {
  const { clock } = deps;

  return {
    /** Links a transcript to a contact; a no-op when it already links there. */
    async link(
      transcriptId: string,
      contactId: string,
      locationId: string,
      options: LinkOptions = {},
    ): Promise<TranscriptLink> {
      const db = await deps.db.get();
      const now = clock.now();
      const tx = db.transaction(
        ['links', 'transcripts', 'contacts', 'notes', 'activity'],
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
        const context = narrativeContext(previous, before, undefined, now);
        await appendActivity(activity, transcriptId, [
          narrateActivity({ kind: 'unlinked' }, context),
        ]);
      }
      const link: TranscriptLink = { transcriptId, contactId, locationId, linkedAt: now };
      await tx.objectStore('links').put(link);
      const cached = await tx.objectStore('contacts').get(contactId);
      const next: TranscriptRecord = {
        transcriptId,
        title: record.title,
        lastViewedAt: record.lastViewedAt,
        noteIds: [],
      };
      // A contact the cache already knows gives the record its fields and notes at once, so the
      // next sync compares against them instead of treating everything as new.
      if (cached && cached.deletedAt === undefined && cached.syncedAt !== undefined) {
        const notes = await tx.objectStore('notes').index('by-contact').getAll(contactId);
        next.fields = contactSnapshot(cached.contact, { timeZone: deps.timeZone });
        next.snapshotAt = cached.syncedAt;
        next.noteIds = notes
          .filter((n) => (options.notes ?? 'all') === 'all' || n.value.pinned === true)
          .map((n) => n.id);
      }
      if (cached) await tx.objectStore('contacts').put({ ...cached, lastUsedAt: now });
      await tx.objectStore('transcripts').put(next);
      const context = narrativeContext(link, cached, options.contactName, now);
      await appendActivity(activity, transcriptId, [narrateActivity({ kind: 'linked' }, context)]);
      await tx.done;
      return link;
    },

    /**
     * Removes a transcript's link; its record keeps the title and when it was viewed. The
     * contact's name comes from the cache, or from `contactName` once the cache no longer has it.
     */
    async unlink(
      transcriptId: string,
      options: Pick<LinkOptions, 'contactName'> = {},
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
          lastViewedAt: record.lastViewedAt,
          noteIds: [],
        });
        const cached = await tx.objectStore('contacts').get(previous.contactId);
        const context = narrativeContext(previous, cached, options.contactName, clock.now());
        await appendActivity(tx.objectStore('activity'), transcriptId, [
          narrateActivity({ kind: 'unlinked' }, context),
        ]);
      }
      await tx.done;
      return previous;
    },

    /**
     * Notes that a panel shows the transcript now: it moves to the "recent" freshness tier, and
     * its contact counts as used (not evicted).
     */
    async markViewed(transcriptId: string, details: { title?: string } = {}): Promise<void> {
      const db = await deps.db.get();
      const now = clock.now();
      const tx = db.transaction(['links', 'transcripts', 'contacts'], 'readwrite');
      const record =
        (await tx.objectStore('transcripts').get(transcriptId)) ?? blankRecord(transcriptId);
      await tx.objectStore('transcripts').put({
        ...record,
        title: details.title ?? record.title,
        lastViewedAt: now,
      });
      const link = await tx.objectStore('links').get(transcriptId);
      const contact = link && (await tx.objectStore('contacts').get(link.contactId));
      if (contact) await tx.objectStore('contacts').put({ ...contact, lastUsedAt: now });
      await tx.done;
    },

    /** Everything a panel shows for a transcript; `pending` are the outbox's unsent writes. */
    async readView(
      transcriptId: string,
      pending: readonly OutboxJobView[] = [],
    ): Promise<TranscriptView> {
      return readTranscriptView(await deps.db.get(), transcriptId, pending);
    },

    /** The transcripts linked to a contact. */
    /** The transcript's link, if it has one. */
    async linkOf(transcriptId: string): Promise<TranscriptLink | undefined> {
      return (await deps.db.get()).get('links', transcriptId);
    },

    /** The contact as cached (or undefined): whether it exists, was deleted, its fields. */
    async cachedContact(contactId: string): Promise<CachedContact | undefined> {
      return (await deps.db.get()).get('contacts', contactId);
    },

    async linkedTranscripts(contactId: string): Promise<string[]> {
      const db = await deps.db.get();
      const links = await db.getAllFromIndex('links', 'by-contact', contactId);
      return links.map((l) => l.transcriptId);
    },
  };

  function narrativeContext(
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
}

/** See {@link createTranscriptStore}. */
export type TranscriptStore = ReturnType<typeof createTranscriptStore>;
