import { noteDeleteSchema, type OperationOf } from '../../messaging/write-schemas';
import { recordLocalDelete } from '../local-deletes';
import type { Operation } from './operation';
import { changeNote, type ShowPending } from './shown-records';

/** A note deleted: `DELETE /contacts/:contactId/notes/:id`. */
export const operation: Operation<'note.delete'> = {
  kind: 'note.delete',
  schema: noteDeleteSchema,
  describe: () => 'Delete note',
  namesContact: false,
  send: async (ghl, op, o) => {
    await ghl.notes.delete(op.contactId, op.noteId, o);
    return { kind: 'deleted' };
  },
  gone: 'done',
  // It leaves the cache, remembered a while (local-deletes.ts) so a sync reading at that moment
  // does not bring it back; what it was is kept for its timeline line.
  cache: async (tx, job, _result, now) => {
    const { noteId } = job.operation;
    const cached = await tx.objectStore('notes').get(noteId);
    await recordLocalDelete(tx.objectStore('meta'), noteId, now);
    await tx.objectStore('notes').delete(noteId);
    return cached ? { deletedNote: cached.value } : {};
  },
  // It leaves the transcripts it was attached to, with a line on each.
  effects: async (ctx, job, result, completed) =>
    result.kind !== 'deleted'
      ? []
      : ctx.timeline.noteDelete(ctx.db, {
          contactId: job.operation.contactId,
          locationId: job.locationId,
          at: ctx.now(),
          timeZone: ctx.timeZone,
          noteId: job.operation.noteId,
          record: completed.deletedNote,
        }),
};

/** The note stays shown, marked as being deleted. */
export const show: ShowPending<OperationOf<'note.delete'>> = (records, op) =>
  changeNote(records, op.noteId, (shown) => ({ ...shown, pending: 'deleting' }));
