import type { CallOptions, GhlClient } from '../ghl/ghl-client';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { CreateContactInput, UpdateContactInput } from '../ghl/schemas/contact-schemas';
import type { CreateNoteInput, GhlNote, UpdateNoteInput } from '../ghl/schemas/note-schemas';
import type { CreateTaskInput, GhlTask, UpdateTaskInput } from '../ghl/schemas/task-schemas';
import type { OutboxOperation } from './outbox-operations';

/**
 * What GHL answered to a write: the record as it now is, its tags (when the contact could not be
 * read after a tag write), or that it is gone.
 */
export type OutboxResult =
  | { kind: 'contact'; contact: GhlContact }
  | { kind: 'task'; task: GhlTask }
  | { kind: 'note'; note: GhlNote }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'deleted' };

/**
 * Sends one write to GHL: the one place that maps each kind of operation to its client call. A
 * person is waiting for these, so they go before background sync in the rate limiter. Bodies
 * were checked by outbox-validation.ts, and the client checks them again before sending.
 */
export async function sendOperation(
  ghl: GhlClient,
  op: OutboxOperation,
  signal?: AbortSignal,
): Promise<OutboxResult> {
  const o: CallOptions = { priority: 'user', signal };
  switch (op.kind) {
    case 'contact.create':
      return {
        kind: 'contact',
        contact: await ghl.contacts.create(op.body as CreateContactInput, o),
      };
    case 'contact.update':
      return {
        kind: 'contact',
        contact: await ghl.contacts.update(op.contactId, op.body as UpdateContactInput, o),
      };
    case 'contact.delete':
      await ghl.contacts.delete(op.contactId, o);
      return { kind: 'deleted' };
    case 'tags.add':
      return withContact(ghl, op.contactId, await ghl.tags.add(op.contactId, op.tags, o), o);
    case 'tags.remove':
      return withContact(ghl, op.contactId, await ghl.tags.remove(op.contactId, op.tags, o), o);
    case 'task.create':
      return {
        kind: 'task',
        task: await ghl.tasks.create(op.contactId, op.body as CreateTaskInput, o),
      };
    case 'task.update':
      return {
        kind: 'task',
        task: await ghl.tasks.update(op.contactId, op.taskId, op.body as UpdateTaskInput, o),
      };
    case 'task.complete':
      return {
        kind: 'task',
        task: await ghl.tasks.setCompleted(op.contactId, op.taskId, op.completed, o),
      };
    case 'task.delete':
      await ghl.tasks.delete(op.contactId, op.taskId, o);
      return { kind: 'deleted' };
    case 'note.create':
      return {
        kind: 'note',
        note: await ghl.notes.create(op.contactId, op.body as CreateNoteInput, o),
      };
    case 'note.update':
      return {
        kind: 'note',
        note: await ghl.notes.update(op.contactId, op.noteId, op.body as UpdateNoteInput, o),
      };
    case 'note.delete':
      await ghl.notes.delete(op.contactId, op.noteId, o);
      return { kind: 'deleted' };
  }
}

/**
 * The contact after a tag write. GHL answers a tag write with the tags alone, but moves the
 * contact's `dateUpdated`: cached without it, the next sync would take the person's own tags for
 * a change made in GHL ("Contact updated in GHL: Tags"). The tags are applied whatever this read
 * does, so if it fails the tags alone are the answer (that sync then narrates them, no worse).
 */
async function withContact(
  ghl: GhlClient,
  contactId: string,
  tags: string[],
  o: CallOptions,
): Promise<OutboxResult> {
  try {
    return { kind: 'contact', contact: await ghl.contacts.get(contactId, o) };
  } catch (error) {
    if (o.signal?.aborted) throw error;
    return { kind: 'tags', tags };
  }
}
