import { noteUpdateSchema, type OperationOf } from '../../messaging/write-schemas';
import type { UpdateNoteInput } from '../../ghl/schemas/note-schemas';
import { cacheNote } from './cache-records';
import { noteRules } from './note-create';
import type { Operation } from './operation';
import { asNote, changeNote, type ShowPending } from './shown-records';
import { goneMessage } from './words';

/** A note's text edited: `PUT /contacts/:contactId/notes/:id`. */
export const operation: Operation<'note.update'> = {
  kind: 'note.update',
  schema: noteUpdateSchema,
  describe: () => 'Edit note',
  namesContact: false,
  body: { endpoint: 'updateNote', rules: noteRules },
  send: async (ghl, op, o) => ({
    kind: 'note',
    note: await ghl.notes.update(op.contactId, op.noteId, op.body as UpdateNoteInput, o),
  }),
  gone: goneMessage('note'),
  cache: cacheNote,
  effects: (ctx, job) => ctx.linkedChanges(job.operation.contactId, ['note']),
};

/** The note shows its new text at once, marked as saving. */
export const show: ShowPending<OperationOf<'note.update'>> = (records, op) =>
  changeNote(records, op.noteId, (shown) => ({
    record: asNote({ ...shown.record, ...op.body }),
    pending: 'saving',
  }));
