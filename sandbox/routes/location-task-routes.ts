import { taskSearchBody } from '../../utils/ghl/schemas/location-task-schemas';
import { requireOwnLocation, type SandboxRoute } from '../route-context';
import type { SandboxTask } from '../sandbox-records';
import type { SandboxState } from '../sandbox-state';
import { validateGhlBody } from '../validate-body';
import { taskView } from './task-routes';

/** `TaskSearchParamsDto.limit`'s documented default. */
const DEFAULT_LIMIT = 25;
/**
 * The most one page holds. The spec documents no maximum and no public thread shows one; 100 is
 * GHL's usual page cap (GET /contacts/ `limit`), and README's Sandbox table says so.
 */
export const MAX_TASK_SEARCH_LIMIT = 100;

/**
 * POST /locations/{locationId}/tasks/search (apps/locations.json `task-search`,
 * locations/tasks.readonly): the location's tasks filtered by contacts, status, assignees, a
 * text and a business, one page of `limit` from `skip`, ordered by due date. The spec types the
 * answer's `tasks` as a list of lists; the Sandbox answers a flat list of task objects that each
 * carry their `contactId`, as GHL's answer does (GoHighLevel/highlevel-api-docs#332). An unknown
 * body field is 422, as everywhere.
 */
export const locationTaskRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/locations/{locationId}/tasks/search',
    scope: 'locations/tasks.readonly',
    handle({ params, body, grant, state }) {
      requireOwnLocation(grant, params.locationId);
      const input = validateGhlBody(taskSearchBody, body);
      const contacts = input.contactId?.length ? new Set(input.contactId) : undefined;
      const assignees = input.assignedTo?.length ? new Set(input.assignedTo) : undefined;
      const text = input.query?.trim().toLowerCase();
      const found = tasksOfLocation(state, grant.locationId, input.businessId).filter(
        (task) =>
          (!contacts || contacts.has(task.contactId)) &&
          (input.completed === undefined || task.completed === input.completed) &&
          (!assignees || (task.assignedTo !== null && assignees.has(task.assignedTo))) &&
          (!text || `${task.title}\n${task.body}`.toLowerCase().includes(text)),
      );
      const limit = Math.min(input.limit ?? DEFAULT_LIMIT, MAX_TASK_SEARCH_LIMIT);
      const skip = input.skip ?? 0;
      return { status: 200, body: { tasks: found.slice(skip, skip + limit).map(taskView) } };
    },
  },
];

/** The tasks of a location's contacts (of one business, if given), by due date then id. */
function tasksOfLocation(
  state: SandboxState,
  locationId: string,
  businessId: string | undefined,
): SandboxTask[] {
  const contact = (task: SandboxTask) => state.data.contacts.get(task.contactId);
  return [...state.data.tasks.values()]
    .filter((task) => {
      const owner = contact(task);
      return (
        owner?.locationId === locationId &&
        (businessId === undefined || owner.businessId === businessId)
      );
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}
