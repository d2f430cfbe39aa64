import type { GhlTask } from './task-schemas';

/**
 * How a record GHL sent without its usual text is named wherever it is shown or narrated: the
 * spec marks a task's title optional, and the panel, timeline and outbox must agree on the name.
 */

/** A task's name where it has none. */
export const UNTITLED_TASK = 'Untitled task';

/** A task's title, or {@link UNTITLED_TASK} when GHL sent none (or only spaces). */
export function taskTitle(task: Pick<GhlTask, 'title'>): string {
  return task.title?.trim() || UNTITLED_TASK;
}
