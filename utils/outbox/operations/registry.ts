import type { OutboxOperationKind } from '../../messaging/write-schemas';
import * as contactCreate from './contact-create';
import * as contactDelete from './contact-delete';
import * as contactUpdate from './contact-update';
import * as noteCreate from './note-create';
import * as noteDelete from './note-delete';
import * as noteUpdate from './note-update';
import type { Operation } from './operation';
import * as tagsAdd from './tags-add';
import * as tagsRemove from './tags-remove';
import * as taskComplete from './task-complete';
import * as taskCreate from './task-create';
import * as taskDelete from './task-delete';
import * as taskUpdate from './task-update';
import * as transcriptLog from './transcript-log';

/**
 * Every kind of write, each from its own file: the generic outbox loops over these. Adding a kind
 * is a file here, its payload schema in utils/messaging/write-schemas.ts, and a line below and in
 * shown.ts (the meta-test says so if one is missing).
 */
export const OPERATIONS: { readonly [K in OutboxOperationKind]: Operation<K> } = {
  'contact.create': contactCreate.operation,
  'contact.update': contactUpdate.operation,
  'contact.delete': contactDelete.operation,
  'tags.add': tagsAdd.operation,
  'tags.remove': tagsRemove.operation,
  'task.create': taskCreate.operation,
  'task.update': taskUpdate.operation,
  'task.complete': taskComplete.operation,
  'task.delete': taskDelete.operation,
  'note.create': noteCreate.operation,
  'note.update': noteUpdate.operation,
  'note.delete': noteDelete.operation,
  'transcript.log': transcriptLog.operation,
};

/**
 * The operation of a write's kind, typed for any write: the generic code hands each part the
 * write it was stored with, which is of that kind.
 */
export function operationFor(kind: OutboxOperationKind): Operation<OutboxOperationKind> {
  return OPERATIONS[kind] as unknown as Operation<OutboxOperationKind>;
}

/** Whether a write creates a record: its outcome may be unknown and must be reconciled. */
export function creates(kind: OutboxOperationKind): boolean {
  return operationFor(kind).create !== undefined;
}
