/** Whether an ISO time is before `now`; false for a missing or unreadable one. */
export function isPast(iso: string | null | undefined, now: number): boolean {
  const at = iso == null ? NaN : Date.parse(iso);
  return !Number.isNaN(at) && at < now;
}

/**
 * An open task whose due time has passed: what the panel marks "Overdue" and the dashboard
 * counts. A completed task is never overdue.
 */
export function isOverdue<T extends { completed?: boolean | null; dueDate?: string | null }>(
  task: T,
  now: number,
): boolean {
  return !task.completed && isPast(task.dueDate, now);
}
