import { noteCreateSchema, type OperationOf } from '../../messaging/write-schemas';
import type { CreateNoteInput } from '../../ghl/schemas/note-schemas';
import { cacheNote } from './cache-records';
import { noteLooksCreated } from './look-alike';
import type { Operation } from './operation';
import { asNote, pendingId, type ShowPending } from './shown-records';
import { CONTACT_GONE, preview, quoted, stringOf } from './words';

/** A new note on a contact: `POST /contacts/:contactId/notes`. */
export const operation: Operation<'note.create'> = {
  kind: 'note.create',
  schema: noteCreateSchema,
  describe: (op) => `Add note${quoted(stringOf(op.body.title) ?? preview(stringOf(op.body.body)))}`,
  namesContact: false,
  body: { endpoint: 'createNote', rules: noteRules },
  send: async (ghl, op, o) => ({
    kind: 'note',
    note: await ghl.notes.create(op.contactId, op.body as CreateNoteInput, o),
  }),
  // Found again by its text (and title) among the contact's notes.
  create: {
    lookAlikes: async (db, op) => {
      const notes = await db.getAllFromIndex('notes', 'by-contact', op.contactId);
      return notes.filter((n) => noteLooksCreated(op.body, n.value)).map((n) => n.id);
    },
    reconcilable: () => true,
    find: async (ghl, op, look) => {
      const notes = await ghl.notes.list(op.contactId, look.o);
      const note = notes.find((n) => look.fresh(n) && noteLooksCreated(op.body, n));
      return note && { kind: 'note', note };
    },
  },
  gone: CONTACT_GONE,
  cache: cacheNote,
  effects: async (ctx, job, result) => {
    const { contactId } = job.operation;
    if (result.kind !== 'note' || !job.transcriptId) return ctx.linkedChanges(contactId, ['note']);
    // Made from this transcript's panel: it shows there at once, whatever the notes setting.
    const attached = await ctx.transcripts.attachNote(job.transcriptId, contactId, result.note);
    const changes = await ctx.linkedChanges(contactId, ['note']);
    return changes.map((change) =>
      attached && change.transcriptId === job.transcriptId
        ? { ...change, what: ['note', 'notes', 'activity'] }
        : change,
    );
  },
};

/** The new note shows at once under a pending id, dated when it was made, marked as saving. */
export const show: ShowPending<OperationOf<'note.create'>> = (records, op, job) => {
  records.notes.push({
    record: asNote({
      ...op.body,
      id: pendingId(job.id),
      dateAdded: new Date(job.createdAt).toISOString(),
    }),
    pending: 'saving',
  });
};

/** What GHL refuses in a note body beyond its schema: a blank note. */
export function noteRules(body: Record<string, unknown>): string[] {
  return typeof body.body === 'string' && !body.body.trim() ? ['body: must not be blank'] : [];
}
