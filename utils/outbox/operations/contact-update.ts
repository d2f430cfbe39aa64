import { contactUpdateSchema, type OperationOf } from '../../messaging/write-schemas';
import type { UpdateContactInput } from '../../ghl/schemas/contact-schemas';
import { cacheContact } from './cache-records';
import type { Operation } from './operation';
import { asContact, type ShowPending } from './shown-records';
import { goneMessage } from './words';

/** A contact's fields edited: `PUT /contacts/:contactId`. */
export const operation: Operation<'contact.update'> = {
  kind: 'contact.update',
  schema: contactUpdateSchema,
  describe: (_op, names) => `Update contact${names.contactName ? ` ${names.contactName}` : ''}`,
  namesContact: true,
  body: { endpoint: 'updateContact' },
  send: async (ghl, op, o) => ({
    kind: 'contact',
    contact: await ghl.contacts.update(op.contactId, op.body as UpdateContactInput, o),
  }),
  gone: goneMessage('contact'),
  cache: cacheContact,
  effects: async (ctx, job, result) => {
    // The next sync finds the contact unchanged (same dateUpdated): its fields show now.
    if (result.kind === 'contact') await ctx.refreshFields(result.contact);
    return ctx.linkedChanges(job.operation.contactId, ['contact']);
  },
};

/** The contact shows its new fields at once, marked as saving. */
export const show: ShowPending<OperationOf<'contact.update'>> = (records, op) => {
  const contact = records.contact;
  if (!contact) return;
  records.contact = {
    record: { ...contact.record, ...asContact({ ...contact.record, ...op.body }) },
    pending: 'saving',
  };
};
