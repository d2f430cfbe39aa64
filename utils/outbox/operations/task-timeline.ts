import type { Operation } from './operation';

/** The task writes that put a line on the timeline when GHL has them. */
type TaskWriteKind = 'task.create' | 'task.update' | 'task.complete';

/**
 * The effects of a task created, edited or ticked done: "Task … added / changed / completed" on
 * the timeline of every transcript linked to the contact (utils/transcripts/task-write-record.ts
 * words it from the task before and after).
 */
export const taskOnTimeline: Operation<TaskWriteKind>['effects'] = async (
  ctx,
  job,
  result,
  completed,
) =>
  result.kind !== 'task'
    ? []
    : ctx.timeline.taskWrite(ctx.db, {
        contactId: job.operation.contactId,
        locationId: job.locationId,
        task: result.task,
        at: ctx.now(),
        previous: completed.previousTask,
      });
