import { taskDeleteSchema, type OperationOf } from '../../messaging/write-schemas';
import { recordLocalDelete } from '../local-deletes';
import type { Operation } from './operation';
import { changeTask, type ShowPending } from './shown-records';
import { quoted } from './words';

/** A task deleted: `DELETE /contacts/:contactId/tasks/:taskId`. */
export const operation: Operation<'task.delete'> = {
  kind: 'task.delete',
  schema: taskDeleteSchema,
  describe: (_op, names) => `Delete task${quoted(names.taskTitle)}`,
  namesContact: false,
  send: async (ghl, op, o) => {
    await ghl.tasks.delete(op.contactId, op.taskId, o);
    return { kind: 'deleted' };
  },
  gone: 'done',
  // It leaves the cache, remembered a while (local-deletes.ts) so a sync reading at that moment
  // does not bring it back; what it was is kept for its timeline line.
  cache: async (tx, job, _result, now) => {
    const { taskId } = job.operation;
    const cached = await tx.objectStore('tasks').get(taskId);
    await recordLocalDelete(tx.objectStore('meta'), taskId, now);
    await tx.objectStore('tasks').delete(taskId);
    return cached ? { deletedTask: cached.value } : {};
  },
  effects: async (ctx, job, result, completed) =>
    result.kind !== 'deleted'
      ? []
      : ctx.timeline.taskDelete(ctx.db, {
          contactId: job.operation.contactId,
          locationId: job.locationId,
          at: ctx.now(),
          timeZone: ctx.timeZone,
          record: completed.deletedTask,
        }),
};

/** The task stays shown, marked as being deleted. */
export const show: ShowPending<OperationOf<'task.delete'>> = (records, op) =>
  changeTask(records, op.taskId, (shown) => ({ ...shown, pending: 'deleting' }));
