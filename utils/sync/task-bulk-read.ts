import type { CallOptions } from '../ghl/ghl-client';
import type { GhlTask } from '../ghl/schemas/task-schemas';

/**
 * Tasks of many contacts in a few requests: `POST /locations/{locationId}/tasks/search` with a
 * list of contact ids (scope locations/tasks.readonly), paged with limit and skip.
 */

/** The task search a bulk read needs. */
export interface TaskSearchGhl {
  tasks: {
    searchLocation(
      locationId: string,
      body: { contactId: string[]; limit?: number; skip?: number },
      o?: CallOptions,
    ): Promise<GhlTask[]>;
  };
}

/** Contact ids per search. */
export const CONTACTS_PER_TASK_SEARCH = 50;
/** Tasks per page. */
export const TASKS_PER_PAGE = 100;
/** Pages per batch at most; a batch with more tasks is left to per-contact reads. */
export const TASK_PAGES_MAX = 10;

/**
 * Every task of each contact, by contact id (a contact with none: an empty list). A batch whose
 * tasks do not fit in {@link TASK_PAGES_MAX} pages is left out: its contacts are read one by one.
 */
export async function readTasksInBulk(
  ghl: TaskSearchGhl,
  locationId: string,
  contactIds: readonly string[],
  call: CallOptions,
): Promise<{ tasks: Map<string, GhlTask[]>; requests: number }> {
  const tasks = new Map<string, GhlTask[]>();
  let requests = 0;
  for (let at = 0; at < contactIds.length; at += CONTACTS_PER_TASK_SEARCH) {
    const batch = contactIds.slice(at, at + CONTACTS_PER_TASK_SEARCH);
    const found = new Map<string, GhlTask[]>(batch.map((id) => [id, []]));
    let complete = false;
    for (let page = 0; page < TASK_PAGES_MAX; page++) {
      const answer = await ghl.tasks.searchLocation(
        locationId,
        { contactId: batch, limit: TASKS_PER_PAGE, skip: page * TASKS_PER_PAGE },
        call,
      );
      requests += 1;
      for (const task of answer) {
        if (task.contactId) found.get(task.contactId)?.push(task);
      }
      if (answer.length < TASKS_PER_PAGE) {
        complete = true;
        break;
      }
    }
    if (complete) for (const [id, list] of found) tasks.set(id, list);
  }
  return { tasks, requests };
}
