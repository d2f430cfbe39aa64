import { contactCreateSchema, type OperationOf } from '../../messaging/write-schemas';
import type { CreateContactInput } from '../../ghl/schemas/contact-schemas';
import { cacheContact } from './cache-records';
import { findAfterRefusal, findByDuplicateCheck, findBySearch } from './contact-lookup';
import { contactKey } from './look-alike';
import type { Operation } from './operation';
import type { ShowPending } from './shown-records';
import { summaryName } from './words';

/** A new contact (from a transcript's panel, linked to it): `POST /contacts/`. */
export const operation: Operation<'contact.create'> = {
  kind: 'contact.create',
  schema: contactCreateSchema,
  describe: (op) => `Create contact ${summaryName(op.body) ?? ''}`.trim(),
  namesContact: true,
  body: {
    endpoint: 'createContact',
    prepare: (body, context) => ({ locationId: context.locationId, ...body }),
    rules: (body, context) => {
      const problems: string[] = [];
      if (body.locationId !== context.locationId) {
        problems.push(`locationId: must be the connected location (${context.locationId})`);
      }
      // A create whose answer is lost is looked up by email, phone or name before it is sent
      // again (create.find below); a contact with none of them could be created twice.
      const identifying = ['email', 'phone', 'name', 'firstName', 'lastName'];
      if (!identifying.some((field) => typeof body[field] === 'string' && body[field] !== '')) {
        problems.push('contact: needs a name, email or phone');
      }
      return problems;
    },
  },
  send: async (ghl, op, o) => ({
    kind: 'contact',
    contact: await ghl.contacts.create(op.body as CreateContactInput, o),
  }),
  // Found again by GHL's duplicate check (email, else the number in E.164), then by search, on
  // its email or phone; never by name alone: a teammate's contact of the same name would be
  // taken for ours, and the write dropped. A person decides. (contact-lookup.ts says why.)
  create: {
    // Contacts carry `dateAdded`, which `fresh` checks instead.
    lookAlikes: async () => [],
    reconcilable: (op) => contactKey(op.body)?.field !== 'name',
    find: async (ghl, op, look) => {
      const contact =
        (await findByDuplicateCheck(ghl, op.body, look)) ??
        (await findBySearch(ghl, op.body, look));
      return contact && { kind: 'contact', contact };
    },
    refused: async (ghl, op, error, look) => {
      const contact = await findAfterRefusal(ghl, op.body, error, look);
      return contact && { kind: 'contact', contact };
    },
  },
  // Nothing it names can be gone: the contact does not exist yet.
  gone: 'GHL could not find where to create it, so the change was not made.',
  cache: cacheContact,
  // Made from a transcript's panel: linked to that transcript.
  effects: async (ctx, job, result) => {
    if (result.kind !== 'contact' || !job.transcriptId) return [];
    await ctx.transcripts.link(job.transcriptId, result.contact.id, job.locationId);
    return [{ transcriptId: job.transcriptId, contactId: result.contact.id, what: ['link'] }];
  },
};

/** Nothing shows before GHL has it: the transcript is linked once it exists. */
export const show: ShowPending<OperationOf<'contact.create'>> = () => {};
