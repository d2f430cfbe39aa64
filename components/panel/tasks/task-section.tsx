import { useEffect, useRef } from 'preact/hooks';
import { usePanelActions } from '../panel-actions';
import type { PanelTask, Shown } from '../panel-records';
import { PanelSection } from '../sections/panel-section';
import { useShowAll } from '../sections/show-all';
import { ALL_OPEN, type SectionMemory } from '../sections/use-section-memory';
import { useFormOpener } from '../use-form-opener';
import { createBody, type TaskDraft } from './task-draft';
import { TaskForm } from './task-form';
import { quoted, TaskItem } from './task-item';
import { isOverdue, orderTasks } from './task-order';

/** Open tasks listed before "Show all" (completed ones are few: GHL keeps them with the contact). */
const FEW_OPEN = 5;

/** Props of {@link TaskSection}. */
export interface TaskSectionProps {
  /** The contact's tasks with pending writes applied (`panelRecords(view).tasks`). */
  tasks: Shown<PanelTask>[];
  /** The linked contact the tasks belong to (and new ones are created for). */
  contactId: string;
  /** Which sections are collapsed for the contact (all open when left out). */
  memory?: SectionMemory;
  /** Changes when the card's "Add task" is pressed: the section opens with its form. */
  addRequest?: number;
}

/**
 * The Tasks section of the panel: open tasks first (soonest due on top, overdue ones marked in
 * words), then completed ones; its heading counts them ("2 open · 1 overdue") and collapses it.
 * Add task opens the create form. Every write goes through the outbox
 * (`usePanelActions().write`); with a read-only connection no write control is shown.
 */
export function TaskSection({ tasks, contactId, memory = ALL_OPEN, addRequest }: TaskSectionProps) {
  const { canWrite, write, announce } = usePanelActions();
  const form = useFormOpener();
  const heading = useRef<HTMLHeadingElement>(null);
  const now = Date.now();
  const { open, completed } = orderTasks(tasks);
  const overdue = open.filter((shown) => isOverdue(shown.record, now)).length;
  const openRows = useShowAll(open, FEW_OPEN);

  useEffect(() => {
    if (!addRequest || !canWrite) return;
    if (memory.collapsed('tasks')) memory.toggle('tasks');
    form.show();
  }, [addRequest]);

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
    <PanelSection
      name="tasks"
      title="Tasks"
      summary={`${open.length} open${overdue > 0 ? ` · ${overdue} overdue` : ''}`}
      memory={memory}
      headingRef={heading}
      class="tasks"
      tools={
        canWrite &&
        !form.open && (
          <button
            ref={form.opener}
            type="button"
            class="panel__button panel__button--primary tasks__add"
            onClick={form.show}
          >
            Add task
          </button>
        )
      }
    >
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
          {openRows.shown.map(item)}
        </ul>
      )}
      {openRows.button}
      {completed.length > 0 && (
        <>
          <h4 class="panel__subtitle">Completed</h4>
          <ul class="panel__list" aria-label="Completed tasks">
            {completed.map(item)}
          </ul>
        </>
      )}
    </PanelSection>
  );
}
