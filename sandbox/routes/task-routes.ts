import {
  createTaskBody,
  taskCompletedBody,
  updateTaskBody,
} from '../../utils/ghl/schemas/task-schemas';
import { applyDefined } from '../apply-changes';
import { withoutEmpty } from '../contact-views';
import { notFound, unprocessable } from '../ghl-responses';
import { contactOf, type RouteContext, type SandboxRoute } from '../route-context';
import type { SandboxTask } from '../sandbox-records';
import { validateGhlBody } from '../validate-body';

/** `TaskSchema` as served (a contact's tasks, and the location's task search). */
export function taskView(task: SandboxTask) {
  return withoutEmpty({
    id: task.id,
    title: task.title,
    body: task.body,
    assignedTo: task.assignedTo,
    dueDate: task.dueDate,
    completed: task.completed,
    contactId: task.contactId,
  });
}

function taskOf(context: RouteContext): SandboxTask {
  const contact = contactOf(context);
  const task = context.state.data.tasks.get(context.params.taskId ?? '');
  if (!task || task.contactId !== contact.id) throw notFound('Task');
  return task;
}

/** GHL stores due dates as ISO instants and refuses what is not one. */
function checkDueDate(dueDate: string | undefined) {
  if (dueDate !== undefined && Number.isNaN(Date.parse(dueDate))) {
    throw unprocessable(['dueDate must be a valid ISO 8601 date string']);
  }
}

/** A contact's tasks: list, get, create, update, complete, delete. */
export const taskRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/contacts/{contactId}/tasks',
    scope: 'contacts.readonly',
    handle(context) {
      const contact = contactOf(context);
      const tasks = [...context.state.data.tasks.values()].filter(
        (t) => t.contactId === contact.id,
      );
      return { status: 200, body: { tasks: tasks.map(taskView) } };
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}/tasks/{taskId}',
    scope: 'contacts.readonly',
    handle: (context) => ({ status: 200, body: { task: taskView(taskOf(context)) } }),
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/tasks',
    scope: 'contacts.write',
    handle(context) {
      const contact = contactOf(context);
      const input = validateGhlBody(createTaskBody, context.body);
      checkDueDate(input.dueDate);
      const task: SandboxTask = {
        id: context.state.newId('sbxTask'),
        contactId: contact.id,
        title: input.title,
        body: input.body ?? '',
        dueDate: new Date(input.dueDate).toISOString(),
        completed: input.completed,
        assignedTo: input.assignedTo ?? null,
      };
      context.state.data.tasks.set(task.id, task);
      return { status: 201, body: { task: taskView(task) } };
    },
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}',
    scope: 'contacts.write',
    handle(context) {
      const task = taskOf(context);
      const input = validateGhlBody(updateTaskBody, context.body);
      checkDueDate(input.dueDate);
      applyDefined(task, input);
      if (input.dueDate) task.dueDate = new Date(input.dueDate).toISOString();
      return { status: 200, body: { task: taskView(task) } };
    },
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}/completed',
    scope: 'contacts.write',
    handle(context) {
      const task = taskOf(context);
      task.completed = validateGhlBody(taskCompletedBody, context.body).completed;
      return { status: 200, body: { task: taskView(task) } };
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/tasks/{taskId}',
    scope: 'contacts.write',
    handle(context) {
      context.state.data.tasks.delete(taskOf(context).id);
      return { status: 200, body: { succeded: true } };
    },
  },
];
