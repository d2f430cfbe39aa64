import type { PanelTask, Shown } from '../panel-records';

/** The tasks as the section lists them: open ones first (soonest due first), then completed. */
export interface OrderedTasks {
  open: Shown<PanelTask>[];
  completed: Shown<PanelTask>[];
}

/** An open task whose due time has passed (the one rule the dashboard counts by too). */
export { isOverdue } from '@/utils/task-due';

/** The due time in ms, or undefined when the task has none (or GHL sent something unreadable). */
function dueAt(task: PanelTask): number | undefined {
  const at = task.dueDate === undefined ? NaN : Date.parse(task.dueDate);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Sorts by due time (`direction` 1: soonest first, -1: latest first). Tasks without a due date go
 * last either way, and equal times fall back to the title so the order never flickers between
 * refreshes.
 */
function byDue(direction: 1 | -1) {
  return (a: Shown<PanelTask>, b: Shown<PanelTask>): number => {
    const [left, right] = [dueAt(a.record), dueAt(b.record)];
    if (left !== right) {
      if (left === undefined) return 1;
      if (right === undefined) return -1;
      return (left - right) * direction;
    }
    return a.record.title.localeCompare(b.record.title);
  };
}

/**
 * Splits and sorts the tasks: open ones by due date ascending (what is late or next is on top),
 * completed ones after, most recently due first (the ones just done are the ones a person checks).
 */
export function orderTasks(tasks: readonly Shown<PanelTask>[]): OrderedTasks {
  return {
    open: tasks.filter((shown) => !shown.record.completed).sort(byDue(1)),
    completed: tasks.filter((shown) => shown.record.completed).sort(byDue(-1)),
  };
}
