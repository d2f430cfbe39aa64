import { taskTitle } from '@/utils/ghl/schemas/record-labels';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import { usePanelActions } from '../panel-actions';
import { formatDayTime } from '../panel-dates';
import type { PanelTask, Shown } from '../panel-records';
import { TaskForm } from './task-form';
import { updateBody, type TaskDraft } from './task-draft';
import { isOverdue } from './task-order';
import { EditAndDelete, PendingMark } from '../record-actions';
import { useFormOpener } from '../use-form-opener';
import { useNames, userNameOf } from '../use-names';

/** Props of {@link TaskItem}. */
export interface TaskItemProps {
  shown: Shown<PanelTask>;
  contactId: string;
  /** Now, in ms: decides "Overdue". */
  now: number;
  /**
   * Called after a write this item queued, and as soon as a delete is confirmed: the row is about
   * to be redrawn pending (its buttons disabled), move (it changed list or order) or go, so the
   * section puts the focus somewhere that stays.
   */
  onWritten(): void;
}

/**
 * A task's title in quotes, for labels and announcements: "‘Send proposal’"; a task GHL sent
 * without one is "‘Untitled task’", as on screen and in the timeline.
 */
export const quoted = (title: string) => `‘${taskTitle({ title })}’`;

/**
 * One task: title, due date in the person's locale and time zone, "Overdue" in words, its
 * description and assignee, and — when the connection can write — Complete/Reopen, Edit and
 * Delete. While a write to it is on its way the row says so and its controls wait; a task
 * created here has no GHL id until GHL answers, so it cannot be changed before then.
 */
export function TaskItem({ shown, contactId, now, onWritten }: TaskItemProps) {
  const { canWrite, write, announce } = usePanelActions();
  const names = useNames();
  const form = useFormOpener();
  const task = shown.record;
  const name = `task ${quoted(task.title)}`;
  const waiting = shown.pending !== undefined || task.id.startsWith('pending-');
  const overdue = isOverdue(task, now);

  async function send(operation: OutboxOperation, done: string): Promise<boolean> {
    if (!(await write(operation))) return false;
    announce(`Task ${quoted(task.title)} ${done} — sending to GHL`, 'status');
    onWritten();
    return true;
  }

  async function save(draft: TaskDraft, start: TaskDraft): Promise<boolean> {
    // Against the values the form opened with, not the task now: a sync may have brought a
    // colleague's change meanwhile, and the form's older value of it is not the person's edit.
    const body = updateBody(start, draft);
    if (Object.keys(body).length === 0) {
      announce(`Nothing changed in ${name}.`, 'status');
      form.close();
      return true;
    }
    const sent = await send({ kind: 'task.update', contactId, taskId: task.id, body }, 'saved');
    if (sent) form.close(false);
    return sent;
  }

  if (canWrite && form.open && !waiting) {
    return (
      <li class="panel__item">
        <TaskForm
          label={`Edit ${name}`}
          task={task}
          submitLabel="Save changes"
          onSubmit={save}
          onCancel={() => form.close()}
        />
      </li>
    );
  }
  const classes = ['panel__item', 'task'];
  if (shown.pending) classes.push('panel__item--pending');
  if (task.completed) classes.push('task--completed');
  return (
    <li class={classes.join(' ')}>
      <p class="task__title">{taskTitle(task)}</p>
      <p class="panel__meta">
        {task.dueDate ? (
          <>
            Due <time dateTime={task.dueDate}>{formatDayTime(task.dueDate)}</time>
          </>
        ) : (
          'No due date'
        )}
        {overdue && (
          <>
            {' '}
            <strong class="task__overdue">Overdue</strong>
          </>
        )}
      </p>
      {task.body && <p class="task__body">{task.body}</p>}
      {task.assignedTo && (
        <p class="panel__meta">Assigned to {userNameOf(names, task.assignedTo)}</p>
      )}
      <PendingMark pending={shown.pending} />
      {canWrite && (
        <div class="panel__actions">
          <button
            type="button"
            class="panel__button"
            aria-label={`${task.completed ? 'Reopen' : 'Complete'} ${name}`}
            disabled={waiting}
            onClick={() =>
              void send(
                { kind: 'task.complete', contactId, taskId: task.id, completed: !task.completed },
                task.completed ? 'reopened' : 'completed',
              )
            }
          >
            {task.completed ? 'Reopen' : 'Complete'}
          </button>
          <EditAndDelete
            name={name}
            form={form}
            disabled={waiting}
            onDelete={() => {
              onWritten();
              void send({ kind: 'task.delete', contactId, taskId: task.id }, 'deleted');
            }}
          />
        </div>
      )}
    </li>
  );
}
