import type { CreateTaskInput, UpdateTaskInput } from '@/utils/ghl/schemas/task-schemas';
import type { PanelTask } from '../panel-records';

/** What the task form holds, as the person typed it (date and time in their own time zone). */
export interface TaskDraft {
  title: string;
  /** "2025-01-20" from the date input, or '' when none is chosen. */
  date: string;
  /** "09:00" from the time input; '' means {@link DEFAULT_DUE_TIME}. */
  time: string;
  body: string;
  assignedTo: string;
}

/** The fields the form checks before anything is sent, in the order they appear. */
export type DraftField = 'title' | 'date' | 'time' | 'assignedTo';
/** One message per invalid field. */
export type DraftErrors = Partial<Record<DraftField, string>>;

/** The time a task is due when the person only picks a day: the start of a working day. */
export const DEFAULT_DUE_TIME = '09:00';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;
// GHL user ids are letters and digits (the outbox checks ids the same way).
const USER_ID = /^[A-Za-z0-9_-]{1,100}$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** The form's starting values: empty for a new task, the task's own (in local time) to edit it. */
export function draftOf(task?: PanelTask): TaskDraft {
  const at = task?.dueDate === undefined ? NaN : Date.parse(task.dueDate);
  const due = Number.isNaN(at) ? undefined : new Date(at);
  return {
    title: task?.title ?? '',
    date: due ? `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}` : '',
    time: due ? `${pad(due.getHours())}:${pad(due.getMinutes())}` : DEFAULT_DUE_TIME,
    body: task?.body ?? '',
    assignedTo: task?.assignedTo ?? '',
  };
}

/**
 * The due date as the ISO instant GHL stores, read as local time (`new Date("2025-01-20T09:00")`
 * is local by the ECMAScript rules); undefined when the date or time cannot be read.
 */
export function dueDateOf(draft: TaskDraft): string | undefined {
  const time = draft.time || DEFAULT_DUE_TIME;
  if (!DATE.test(draft.date) || !TIME.test(time)) return undefined;
  const at = new Date(`${draft.date}T${time}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** What is wrong with the draft, field by field; empty when it can be sent. */
export function checkDraft(draft: TaskDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = 'Enter a title for the task.';
  if (!draft.date) errors.date = 'Choose the day the task is due.';
  else if (!DATE.test(draft.date) || dueDateOf({ ...draft, time: '' }) === undefined) {
    errors.date = 'Enter the due date as a day, e.g. 2025-01-20.';
  }
  if (draft.time && !TIME.test(draft.time)) errors.time = 'Enter the time as hours and minutes.';
  const assignee = draft.assignedTo.trim();
  if (assignee && !USER_ID.test(assignee)) {
    errors.assignedTo = 'A GHL user id has only letters, digits, - and _.';
  }
  return errors;
}

/** The body of `POST /contacts/:id/tasks`: only the documented fields, optional ones when set. */
export function createBody(draft: TaskDraft): CreateTaskInput {
  const body = draft.body.trim();
  const assignedTo = draft.assignedTo.trim();
  return {
    title: draft.title.trim(),
    dueDate: dueDateOf(draft) ?? '',
    completed: false,
    ...(body ? { body } : {}),
    ...(assignedTo ? { assignedTo } : {}),
  };
}

/**
 * The body of `PUT …/tasks/:taskId`: only the fields the person changed, compared with the
 * form's starting values `start` (so a due time GHL stored with seconds is not resent unchanged,
 * and a change a sync brought while the form was open is not undone). A cleared description is
 * sent as '' (GHL's `body` is a string, '' clears it); a cleared assignee is left out, as GHL's
 * `assignedTo` is a user id and '' would fail the whole edit (the form says to unassign in GHL).
 */
export function updateBody(start: TaskDraft, draft: TaskDraft): UpdateTaskInput {
  // Changed: touched, and not just padded with spaces.
  const changed = (field: 'title' | 'body' | 'assignedTo') =>
    draft[field] !== start[field] && draft[field].trim() !== start[field];
  const changes: UpdateTaskInput = {};
  if (changed('title')) changes.title = draft.title.trim();
  const dueDate = dueDateOf(draft);
  if (dueDate && (draft.date !== start.date || (draft.time || DEFAULT_DUE_TIME) !== start.time)) {
    changes.dueDate = dueDate;
  }
  if (changed('body')) changes.body = draft.body.trim();
  const assignedTo = draft.assignedTo.trim();
  if (changed('assignedTo') && assignedTo) changes.assignedTo = assignedTo;
  return changes;
}
