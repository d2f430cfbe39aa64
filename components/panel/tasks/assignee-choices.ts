import type { Names } from '@/utils/messaging/trint-answers';

/** One option of the task form's assignee select: the user id sent to GHL, the name shown. */
export interface AssigneeChoice {
  value: string;
  label: string;
}

/**
 * The assignees the task form offers when the location's users are known: "Nobody" first while
 * the task has no assignee (GHL's `assignedTo` is optional on create; an assigned task cannot be
 * unassigned through the API, as '' is no user id), then the users by name. An assignee that is
 * not among them (a user removed since) stays offered by id, so editing keeps it.
 */
export function assigneeChoices(users: Names['users'], start: string): AssigneeChoice[] {
  const choices: AssigneeChoice[] = start ? [] : [{ value: '', label: 'Nobody' }];
  const sorted = [...users].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  for (const user of sorted) choices.push({ value: user.id, label: user.name });
  if (start && !users.some((user) => user.id === start))
    choices.push({ value: start, label: start });
  return choices;
}
