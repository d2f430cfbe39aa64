import type { OutboxOperation, OutboxOperationKind } from '../../messaging/write-schemas';
import { show as contactCreate } from './contact-create';
import { show as contactDelete } from './contact-delete';
import { show as contactUpdate } from './contact-update';
import { show as noteCreate } from './note-create';
import { show as noteDelete } from './note-delete';
import { show as noteUpdate } from './note-update';
import type { ShowPending } from './shown-records';
import { show as tagsAdd } from './tags-add';
import { show as tagsRemove } from './tags-remove';
import { show as taskComplete } from './task-complete';
import { show as taskCreate } from './task-create';
import { show as taskDelete } from './task-delete';
import { show as taskUpdate } from './task-update';
import { show as transcriptLog } from './transcript-log';

/**
 * How each kind of pending write shows in the panel before GHL has it: the `show` part of each
 * operation's file, and only that part, so the content script does not load how writes are sent
 * or cached (the bundler leaves the rest of each file out).
 */
export const SHOWN: {
  readonly [K in OutboxOperationKind]: ShowPending<Extract<OutboxOperation, { kind: K }>>;
} = {
  'contact.create': contactCreate,
  'contact.update': contactUpdate,
  'contact.delete': contactDelete,
  'tags.add': tagsAdd,
  'tags.remove': tagsRemove,
  'task.create': taskCreate,
  'task.update': taskUpdate,
  'task.complete': taskComplete,
  'task.delete': taskDelete,
  'note.create': noteCreate,
  'note.update': noteUpdate,
  'note.delete': noteDelete,
  'transcript.log': transcriptLog,
};

/** The `show` of a write's kind, for any write. */
export function showFor(kind: OutboxOperationKind): ShowPending<OutboxOperation> {
  return SHOWN[kind] as ShowPending<OutboxOperation>;
}
