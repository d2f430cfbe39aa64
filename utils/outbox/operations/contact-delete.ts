import { contactDeleteSchema, type OperationOf } from '../../messaging/write-schemas';
import { contactName } from '../../mapping/source-values';
import type { Operation } from './operation';
import type { ShowPending } from './shown-records';

/** A contact deleted in GHL: `DELETE /contacts/:contactId`. */
export const operation: Operation<'contact.delete'> = {
  kind: 'contact.delete',
  schema: contactDeleteSchema,
  describe: (_op, names) => `Delete contact${names.contactName ? ` ${names.contactName}` : ''}`,
  namesContact: true,
  send: async (ghl, op, o) => {
    await ghl.contacts.delete(op.contactId, o);
    return { kind: 'deleted' };
  },
  gone: 'done',
  // It takes its tasks, notes and appointments from the cache. Its links are not touched here:
  // that is the transcripts' part (the effects).
  cache: async (tx, job) => {
    const { contactId } = job.operation;
    const cached = await tx.objectStore('contacts').get(contactId);
    await tx.objectStore('contacts').delete(contactId);
    for (const name of ['tasks', 'notes', 'appointments'] as const) {
      const store = tx.objectStore(name);
      const keys = await store.index('by-contact').getAllKeys(contactId);
      await Promise.all(keys.map((key) => store.delete(key)));
    }
    // As the timeline names it (transcript-snapshot.ts contactDisplayName).
    return { deletedContactName: cached && (contactName(cached.contact) ?? 'Unnamed contact') };
  },
  // The contact is gone from GHL: its links go with it; the transcripts stay.
  effects: async (ctx, job, _result, completed) => {
    const changes = await ctx.linkedChanges(job.operation.contactId, ['link']);
    const contactName = completed.deletedContactName;
    for (const change of changes)
      await ctx.transcripts.unlink(change.transcriptId, { contactName });
    return changes;
  },
};

/** The contact stays shown, marked as being deleted. */
export const show: ShowPending<OperationOf<'contact.delete'>> = (records) => {
  if (records.contact) records.contact = { ...records.contact, pending: 'deleting' };
};
