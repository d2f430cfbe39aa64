import { taskUpdateSchema, type OperationOf } from '../../messaging/write-schemas';
import type { UpdateTaskInput } from '../../ghl/schemas/task-schemas';
import { cacheTask } from './cache-records';
import type { Operation } from './operation';
import { taskOnTimeline } from './task-timeline';
import { asTask, changeTask, type ShowPending } from './shown-records';
import { taskRules } from './task-create';
import { goneMessage, quoted, stringOf } from './words';

/** A task's fields edited: `PUT /contacts/:contactId/tasks/:taskId`. */
export const operation: Operation<'task.update'> = {
  kind: 'task.update',
  schema: taskUpdateSchema,
  describe: (op, names) => `Update task${quoted(names.taskTitle ?? stringOf(op.body.title))}`,
  namesContact: false,
  body: { endpoint: 'updateTask', rules: taskRules },
  send: async (ghl, op, o) => ({
    kind: 'task',
    task: await ghl.tasks.update(op.contactId, op.taskId, op.body as UpdateTaskInput, o),
  }),
  gone: goneMessage('task'),
  cache: cacheTask,
  effects: taskOnTimeline,
};

/** The task shows its new fields at once, marked as saving. */
export const show: ShowPending<OperationOf<'task.update'>> = (records, op) =>
  changeTask(records, op.taskId, (shown) => ({
    record: asTask({ ...shown.record, ...op.body }),
    pending: 'saving',
  }));
