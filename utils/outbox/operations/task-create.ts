import { taskCreateSchema, type OperationOf } from '../../messaging/write-schemas';
import type { CreateTaskInput } from '../../ghl/schemas/task-schemas';
import { cacheTask } from './cache-records';
import { taskLooksCreated } from './look-alike';
import type { Operation } from './operation';
import { taskOnTimeline } from './task-timeline';
import { asTask, pendingId, type ShowPending } from './shown-records';
import { CONTACT_GONE, quoted } from './words';

/** A new task on a contact: `POST /contacts/:contactId/tasks`. */
export const operation: Operation<'task.create'> = {
  kind: 'task.create',
  schema: taskCreateSchema,
  describe: (op) => `Create task${quoted(String(op.body.title ?? ''))}`,
  namesContact: false,
  body: { endpoint: 'createTask', rules: taskRules },
  send: async (ghl, op, o) => ({
    kind: 'task',
    task: await ghl.tasks.create(op.contactId, op.body as CreateTaskInput, o),
  }),
  // Found again by title, due date (and description) among the contact's tasks.
  create: {
    lookAlikes: async (db, op) => {
      const tasks = await db.getAllFromIndex('tasks', 'by-contact', op.contactId);
      return tasks.filter((t) => taskLooksCreated(op.body, t.value)).map((t) => t.id);
    },
    reconcilable: () => true,
    find: async (ghl, op, look) => {
      const tasks = await ghl.tasks.list(op.contactId, look.o);
      const task = tasks.find((t) => look.fresh(t) && taskLooksCreated(op.body, t));
      return task && { kind: 'task', task };
    },
  },
  gone: CONTACT_GONE,
  cache: cacheTask,
  effects: taskOnTimeline,
};

/** The new task shows at once under a pending id, marked as saving. */
export const show: ShowPending<OperationOf<'task.create'>> = (records, op, job) => {
  records.tasks.push({
    record: asTask({ completed: false, ...op.body, id: pendingId(job.id) }),
    pending: 'saving',
  });
};

/** What GHL refuses in a task body beyond its schema: a blank title, a due date it cannot read. */
export function taskRules(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof body.title === 'string' && !body.title.trim())
    problems.push('title: must not be blank');
  const due = body.dueDate;
  // GHL stores due dates as instants and answers 422 to anything Date.parse cannot read.
  if (typeof due === 'string' && Number.isNaN(Date.parse(due))) {
    problems.push('dueDate: must be an ISO 8601 date');
  }
  return problems;
}
