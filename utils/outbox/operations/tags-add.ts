import { tagsAddSchema, type OperationOf } from '../../messaging/write-schemas';
import { cacheContact } from './cache-records';
import type { Operation } from './operation';
import { type ShowPending } from './shown-records';
import { changeTags, sendTagWrite, tagEffects } from './tags-remove';
import { goneMessage, list } from './words';

/** Tags added to a contact: `POST /contacts/:contactId/tags`, then a read of the contact. */
export const operation: Operation<'tags.add'> = {
  kind: 'tags.add',
  schema: tagsAddSchema,
  describe: (op, names) =>
    `Add ${op.tags.length === 1 ? 'tag' : 'tags'} ${list(op.tags)}${names.contactName ? ` to ${names.contactName}` : ''}`,
  namesContact: true,
  send: (ghl, op, o) => sendTagWrite(ghl, op.contactId, ghl.tags.add(op.contactId, op.tags, o), o),
  gone: goneMessage('contact'),
  cache: cacheContact,
  effects: tagEffects,
};

/** The tags show added at once, the contact marked as saving. */
export const show: ShowPending<OperationOf<'tags.add'>> = (records, op) =>
  changeTags(records, (tags) => op.tags.forEach((tag) => tags.add(tag)));
