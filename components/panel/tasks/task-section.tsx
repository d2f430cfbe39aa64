import { useId, useRef } from 'preact/hooks';
import { usePanelActions } from '../panel-actions';
import type { PanelTask, Shown } from '../panel-records';
import { createBody, type TaskDraft } from './task-draft';
import { TaskForm } from './task-form';
import { quoted, TaskItem } from './task-item';
import { orderTasks } from './task-order';
import { useFormOpener } from '../use-form-opener';

/** Props of {@link TaskSection}. */
export interface TaskSectionProps {
  /** The contact's tasks with pending writes applied (`panelRecords(view).tasks`). */
  tasks: Shown<PanelTask>[];
  /** The linked contact the tasks belong to (and new ones are created for). */
  contactId: string;
}

/**
 * The Tasks section of the panel: open tasks first (soonest due on top, overdue ones marked in
 * words), then completed ones; Add task opens the create form. Every write goes through the
 * outbox (`usePanelActions().write`); with a read-only connection no write control is shown.
 */
export function TaskSection({ tasks, contactId }: TaskSectionProps) {
  const { canWrite, write, announce } = usePanelActions();
  const form = useFormOpener();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const now = Date.now();
  const { open, completed } = orderTasks(tasks);

  async function create(draft: TaskDraft): Promise<boolean> {
    const body = createBody(draft);
    if (!(await write({ kind: 'task.create', contactId, body }))) return false;
    announce(`Task ${quoted(body.title)} added — sending to GHL`, 'status');
    form.close();
    return true;
  }

  const item = (shown: Shown<PanelTask>) => (
    <TaskItem
      key={shown.record.id}
      shown={shown}
      contactId={contactId}
      now={now}
      onWritten={() => heading.current?.focus()}
    />
  );

  return (
    <section class="panel__section tasks" aria-labelledby={headingId}>
      <div class="tasks__header">
        {/* Focus lands here after a row's write, as the row is about to move or go. */}
        <h3 id={headingId} ref={heading} class="panel__subtitle" tabIndex={-1}>
          Tasks
        </h3>
        <span class="panel__meta tasks__count">{open.length} open</span>
        {canWrite && !form.open && (
          <button
            ref={form.opener}
            type="button"
            class="panel__button panel__button--primary tasks__add"
            onClick={form.show}
          >
            Add task
          </button>
        )}
      </div>
      {canWrite && form.open && (
        <TaskForm
          label="New task"
          submitLabel="Save task"
          onSubmit={create}
          onCancel={() => form.close()}
        />
      )}
      {tasks.length === 0 && <p class="panel__empty">No tasks for this contact yet.</p>}
      {open.length > 0 && (
        <ul class="panel__list" aria-label="Open tasks">
          {open.map(item)}
        </ul>
      )}
      {completed.length > 0 && (
        <>
          <h4 class="panel__subtitle">Completed</h4>
          <ul class="panel__list" aria-label="Completed tasks">
            {completed.map(item)}
          </ul>
        </>
      )}
    </section>
  );
}
