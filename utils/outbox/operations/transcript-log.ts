import { transcriptLogSchema, type OperationOf } from '../../messaging/write-schemas';
import { GhlError } from '../../ghl/ghl-error';
import type { CreateNoteInput } from '../../ghl/schemas/note-schemas';
import { cacheNote } from './cache-records';
import { noteLooksCreated } from './look-alike';
import { noteRules } from './note-create';
import type { Operation, SendContext } from './operation';
import { asNote, changeNote, pendingId, type ShowPending } from './shown-records';
import { CONTACT_GONE, quoted, stringOf } from './words';

/**
 * "Log this transcript to GHL": `POST /contacts/:contactId/notes` the first time, then
 * `PUT /contacts/:contactId/notes/:id` of that same note, whose id the link keeps (see
 * recordTranscriptLog). Which one is decided when the job is sent, not when it is queued: two logs
 * made offline are one POST and then a PUT, as the first one's note is recorded before the next
 * job goes. A note deleted in GHL (404 on the PUT) is posted again.
 */
export const operation: Operation<'transcript.log'> = {
  kind: 'transcript.log',
  schema: transcriptLogSchema,
  describe: (op) =>
    `Log transcript${quoted(stringOf(op.body.title)?.replace(/^Transcript: /, ''))}`,
  namesContact: false,
  body: { endpoint: 'createNote', rules: noteRules },
  send: async (ghl, op, o, context) => {
    const noteId = await loggedNoteId(context, op);
    const body = op.body as CreateNoteInput;
    if (noteId) {
      try {
        return { kind: 'note', note: await ghl.notes.update(op.contactId, noteId, body, o) };
      } catch (error) {
        // Deleted in GHL since: the log is written afresh (a 404 on the POST is the contact's).
        if (!(error instanceof GhlError && error.kind === 'not-found')) throw error;
      }
    }
    return { kind: 'note', note: await ghl.notes.create(op.contactId, body, o) };
  },
  // A POST whose answer was lost is found again by its text among the contact's notes; a PUT's
  // note is older than the write, so it is never taken for one, and the PUT is simply sent again.
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
    const { contactId, transcriptId } = job.operation;
    if (result.kind !== 'note') return ctx.linkedChanges(contactId, ['note']);
    const recorded = await ctx.transcripts.recordLog(transcriptId, contactId, result.note);
    const changes = await ctx.linkedChanges(contactId, ['note']);
    return changes.map((change) =>
      recorded && change.transcriptId === transcriptId
        ? { ...change, what: ['note', 'notes', 'activity', 'link'] }
        : change,
    );
  },
};

/** The note of the transcript's earlier log, while the transcript still links to that contact. */
async function loggedNoteId(
  { db }: SendContext,
  op: OperationOf<'transcript.log'>,
): Promise<string | undefined> {
  const link = await db.get('links', op.transcriptId);
  return link?.contactId === op.contactId ? link.logNoteId : undefined;
}

/**
 * The log shows at once: over the earlier log's note when the panel lists it, or as a new note,
 * marked as saving. (Which note it is the panel learns from the view's `logNoteId`.)
 */
export const show: ShowPending<OperationOf<'transcript.log'>> = (records, op, job) => {
  const earlier = records.logNoteId;
  if (earlier && records.notes.some((n) => n.record.id === earlier)) {
    changeNote(records, earlier, (shown) => ({
      record: asNote({ ...shown.record, ...op.body }),
      pending: 'saving',
    }));
    return;
  }
  records.notes.push({
    record: asNote({
      ...op.body,
      id: pendingId(job.id),
      dateAdded: new Date(job.createdAt).toISOString(),
    }),
    pending: 'saving',
  });
};
