import type { OutboxJob } from '@/utils/db/cache-schema';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import type { GhlContact } from '@/utils/ghl/schemas/contact-schemas';
import { recordFields } from '@/utils/mapping/apply-mapping';
import { appliedMapping, MAPPING_APPLIED_KEY } from '@/utils/mapping/mapping-apply';
import type { FieldMapping } from '@/utils/mapping/field-mapping';
import type {
  CompletedJob,
  EffectsContext,
  OutboxResult,
} from '@/utils/outbox/operations/operation';
import { operationFor } from '@/utils/outbox/operations/registry';
import { describeOperation, namesFor } from '@/utils/outbox/outbox-view';
import type { TranscriptChange } from '@/utils/sync/contact-sync';
import { recordNoteDelete, recordTaskDelete } from '@/utils/transcripts/record-delete-line';
import { recordTaskWrite } from '@/utils/transcripts/task-write-record';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';

/** What {@link createOutboxEffects} needs. */
export interface OutboxEffectsDeps {
  db: CacheDbSource;
  transcripts: TranscriptStore;
  now(): number;
  /** Tells open panels of a transcript that its view changed. */
  tell(change: TranscriptChange): Promise<void>;
  /** Shows a notification for a write that failed for good (throttled per kind). */
  notice(kind: string, message: string): Promise<unknown>;
  /** Time zone of dates in the fields snapshot; the runtime's by default. */
  timeZone?: string;
  /** The live field mapping (fieldMappingItem.read in the extension). */
  mapping: () => Promise<FieldMapping>;
}

/**
 * What follows a write GHL has applied, on the Trint side (each kind's `effects`): a task's change or deletion goes on
 * the timeline of every linked transcript, a deleted note leaves the transcripts it was attached
 * to (with a line on each), a contact created from a transcript is linked to it, a deleted
 * contact's links go with it, an edited contact's fields show at once on its transcripts, a note
 * written from a transcript's panel is attached to that transcript, and open panels re-read. And
 * a write that failed for good is told to the person.
 *
 * The outbox runs `applied` again at its next start if the worker stopped before the job was
 * deleted. Linking, unlinking, attaching or detaching a note and a deleted task's line are no-ops
 * the second time, and the fields are only set again; the line of a task created, completed or
 * reopened is the exception: it may be written twice, in that rare window only.
 */
export function createOutboxEffects(deps: OutboxEffectsDeps) {
  async function linkedChanges(contactId: string, what: string[]): Promise<TranscriptChange[]> {
    const ids = await deps.transcripts.linkedTranscripts(contactId);
    return ids.map((transcriptId) => ({ transcriptId, contactId, what }));
  }

  /** What each kind of write does on the Trint side: its `effects` (utils/outbox/operations/). */
  async function changesOf(
    job: OutboxJob,
    result: OutboxResult,
    completed: CompletedJob,
  ): Promise<TranscriptChange[]> {
    const ctx: EffectsContext = {
      db: await deps.db.get(),
      transcripts: deps.transcripts,
      now: deps.now,
      timeZone: deps.timeZone,
      linkedChanges,
      refreshFields,
      timeline: {
        taskWrite: recordTaskWrite,
        taskDelete: recordTaskDelete,
        noteDelete: recordNoteDelete,
      },
    };
    return operationFor(job.operation.kind).effects(ctx, job, result, completed);
  }

  /**
   * The fields snapshot of each transcript linked to an edited contact, from GHL's answer: the
   * next sync finds the contact unchanged (same dateUpdated) and would not tell the panel. A
   * transcript without a snapshot yet is left for its first sync, which takes it as the baseline.
   */
  async function refreshFields(contact: GhlContact) {
    // Read before the cache transaction: an idb transaction ends at a non-IndexedDB await.
    const mapping = await deps.mapping();
    const db = await deps.db.get();
    const tx = db.transaction(['links', 'transcripts', 'meta'], 'readwrite');
    // The mapping the records are computed with, should a save have landed since it was read.
    const live = appliedMapping(await tx.objectStore('meta').get(MAPPING_APPLIED_KEY)) ?? mapping;
    const fields = recordFields(contact, live, { timeZone: deps.timeZone });
    const links = await tx.objectStore('links').index('by-contact').getAll(contact.id);
    for (const link of links) {
      const record = await tx.objectStore('transcripts').get(link.transcriptId);
      if (record?.snapshotAt === undefined) continue;
      await tx.objectStore('transcripts').put({ ...record, fields, snapshotAt: deps.now() });
    }
    await tx.done;
  }

  return {
    async applied(job: OutboxJob, result: OutboxResult, completed: CompletedJob): Promise<void> {
      const changes = await changesOf(job, result, completed);
      await Promise.all(changes.map((change) => deps.tell(change)));
    },
    async failed(job: OutboxJob): Promise<void> {
      // Named as the popup names it ("Complete task ‘Send proposal’"), from the cache.
      const names = await namesFor(await deps.db.get(), [job]).catch(() => undefined);
      const what = describeOperation(job.operation, names?.get(job.id));
      const why = job.lastError?.message ?? 'GHL did not accept it.';
      await deps.notice(job.lastError?.kind ?? 'unknown', `${what}: ${why}`);
    },
  };
}
