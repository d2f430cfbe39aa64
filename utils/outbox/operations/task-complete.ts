import { taskCompleteSchema, type OperationOf } from '../../messaging/write-schemas';
import { cacheTask } from './cache-records';
import type { Operation } from './operation';
import { taskOnTimeline } from './task-timeline';
import { asTask, changeTask, type ShowPending } from './shown-records';
import { goneMessage, quoted } from './words';

/** A task ticked done, or reopened: `PUT /contacts/:contactId/tasks/:taskId/completed`. */
export const operation: Operation<'task.complete'> = {
  kind: 'task.complete',
  schema: taskCompleteSchema,
  describe: (op, names) => `${op.completed ? 'Complete' : 'Reopen'} task${quoted(names.taskTitle)}`,
  namesContact: false,
  send: async (ghl, op, o) => ({
    kind: 'task',
    task: await ghl.tasks.setCompleted(op.contactId, op.taskId, op.completed, o),
  }),
  gone: goneMessage('task'),
  cache: cacheTask,
  // "Task completed" (or reopened) on the timeline of every linked transcript.
  effects: taskOnTimeline,
};

/** The task shows ticked (or not) at once, marked as saving. */
export const show: ShowPending<OperationOf<'task.complete'>> = (records, op) =>
  changeTask(records, op.taskId, (shown) => ({
    record: asTask({ ...shown.record, completed: op.completed }),
    pending: 'saving',
  }));
