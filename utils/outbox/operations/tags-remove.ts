import type { CallOptions, GhlClient } from '../../ghl/ghl-client';
import { tagsRemoveSchema, type OperationOf } from '../../messaging/write-schemas';
import type { TranscriptChange } from '../../transcripts/transcript-change';
import { cacheContact } from './cache-records';
import type { EffectsContext, Operation, OutboxResult } from './operation';
import type { ShowPending, ShownRecords } from './shown-records';
import type { StoredOutboxJob } from '../outbox-queue';
import { goneMessage, list } from './words';

/** Tags removed from a contact: `DELETE /contacts/:contactId/tags`, then a read of the contact. */
export const operation: Operation<'tags.remove'> = {
  kind: 'tags.remove',
  schema: tagsRemoveSchema,
  describe: (op, names) =>
    `Remove ${op.tags.length === 1 ? 'tag' : 'tags'} ${list(op.tags)}${names.contactName ? ` from ${names.contactName}` : ''}`,
  namesContact: true,
  send: (ghl, op, o) =>
    sendTagWrite(ghl, op.contactId, ghl.tags.remove(op.contactId, op.tags, o), o),
  gone: goneMessage('contact'),
  cache: cacheContact,
  effects: tagEffects,
};

/** The tags show removed at once, the contact marked as saving. */
export const show: ShowPending<OperationOf<'tags.remove'>> = (records, op) =>
  changeTags(records, (tags) => op.tags.forEach((tag) => tags.delete(tag)));

/**
 * The contact after a tag write. GHL answers a tag write with the tags alone, but moves the
 * contact's `dateUpdated`: cached without it, the next sync would take the person's own tags for
 * a change made in GHL ("Contact updated in GHL: Tags"). The tags are applied whatever this read
 * does, so if it fails the tags alone are the answer (that sync then narrates them, no worse).
 */
export async function sendTagWrite(
  ghl: GhlClient,
  contactId: string,
  write: Promise<string[]>,
  o: CallOptions,
): Promise<OutboxResult> {
  const tags = await write;
  try {
    return { kind: 'contact', contact: await ghl.contacts.get(contactId, o) };
  } catch (error) {
    if (o.signal?.aborted) throw error;
    return { kind: 'tags', tags };
  }
}

/** A tag write's effects: the contact's fields on its transcripts, and open panels re-read. */
export async function tagEffects(
  ctx: EffectsContext,
  job: StoredOutboxJob & { operation: { contactId: string } },
  result: OutboxResult,
): Promise<TranscriptChange[]> {
  if (result.kind === 'contact') await ctx.refreshFields(result.contact);
  return ctx.linkedChanges(job.operation.contactId, ['tags']);
}

/** The shown contact's tags changed by `change`, marked as saving. */
export function changeTags(records: ShownRecords, change: (tags: Set<string>) => void): void {
  const contact = records.contact;
  if (!contact) return;
  const tags = new Set(contact.record.tags);
  change(tags);
  records.contact = { record: { ...contact.record, tags: [...tags] }, pending: 'saving' };
}
