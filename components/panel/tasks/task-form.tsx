import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { PanelForm } from '../panel-form';
import type { PanelTask } from '../panel-records';
import { useNames } from '../use-names';
import { assigneeChoices } from './assignee-choices';
import {
  checkDraft,
  draftOf,
  type DraftErrors,
  type DraftField,
  type TaskDraft,
} from './task-draft';

/** Props of {@link TaskForm}. */
export interface TaskFormProps {
  /** The form's accessible name, e.g. "New task" or "Edit task ‘Send proposal’". */
  label: string;
  /** The task to edit (its values fill the form); none for a new task. */
  task?: PanelTask;
  /** The submit button's text. */
  submitLabel: string;
  /**
   * Called with a valid draft only, and the values the form opened with (`start`, to tell what
   * the person changed). Resolves true when the form is done (the caller closes it).
   */
  onSubmit(draft: TaskDraft, start: TaskDraft): Promise<boolean>;
  /** Cancel button or Escape. */
  onCancel(): void;
}

const CHECKED: DraftField[] = ['title', 'date', 'time', 'assignedTo'];

/**
 * The create/edit form of a task. It checks the draft before anything is sent: an invalid field
 * gets its message beside it (aria-invalid, aria-describedby) and the first one gets the focus,
 * so no write leaves without a title and a due date. Escape cancels.
 */
export function TaskForm({ label, task, submitLabel, onSubmit, onCancel }: TaskFormProps) {
  // Taken once, when the form opens: the task may be refreshed by a sync while it is open.
  const [start] = useState(() => draftOf(task));
  const [draft, setDraft] = useState(start);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const fields = useRef<Partial<Record<DraftField, HTMLInputElement | HTMLSelectElement | null>>>(
    {},
  );
  // With the location's users known (users.readonly), the assignee is picked by name.
  const users = useNames()?.users;
  const choices = users?.length ? assigneeChoices(users, start.assignedTo) : undefined;
  const focusInvalid = useRef(false);

  useEffect(() => fields.current.title?.focus(), []);
  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    const first = CHECKED.find((field) => errors[field]);
    if (first) fields.current[first]?.focus();
  }, [errors]);

  const edit = (field: keyof TaskDraft) => (event: Event) => {
    const value = (
      event.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
    ).value;
    setDraft((current) => ({ ...current, [field]: value }));
    if (field in errors) setErrors(({ [field as DraftField]: _fixed, ...rest }) => rest);
  };

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const found = checkDraft(draft);
    if (Object.keys(found).length > 0) {
      focusInvalid.current = true;
      setErrors(found);
      return;
    }
    setBusy(true);
    // On success the caller unmounts the form; on refusal it stays, filled, to try again.
    if (!(await onSubmit(draft, start))) setBusy(false);
  }

  // An emptied assignee is not sent ('' is no GHL user id), so the form says where to unassign.
  const hint: Partial<Record<DraftField, string>> = start.assignedTo
    ? { assignedTo: 'To unassign, change it in GHL.' }
    : {};
  const describedBy = (field: DraftField) =>
    [errors[field] && `${id}-${field}-error`, hint[field] && `${id}-${field}-hint`]
      .filter(Boolean)
      .join(' ') || undefined;

  /** The props tying an input to its label, its hint and, when invalid, to its message. */
  const control = (field: DraftField) => ({
    id: `${id}-${field}`,
    ref: (element: HTMLInputElement | HTMLSelectElement | null) => {
      fields.current[field] = element;
    },
    class: 'panel__input',
    value: draft[field],
    onInput: edit(field),
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(field),
  });
  const error = (field: DraftField) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} class="panel__field-error">
        {errors[field]}
      </p>
    );

  return (
    <PanelForm
      label={label}
      submitLabel={submitLabel}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label="Title" for={`${id}-title`}>
        <input type="text" required {...control('title')} />
        {error('title')}
      </Field>
      <div class="tasks__due">
        <Field label="Due date" for={`${id}-date`}>
          <input type="date" required {...control('date')} />
          {error('date')}
        </Field>
        <Field label="Due time (09:00 if empty)" for={`${id}-time`}>
          <input type="time" {...control('time')} />
          {error('time')}
        </Field>
      </div>
      <Field label="Description (optional)" for={`${id}-body`}>
        <textarea
          id={`${id}-body`}
          class="panel__input tasks__body-input"
          rows={3}
          value={draft.body}
          onInput={edit('body')}
        />
      </Field>
      <Field
        label={choices ? 'Assignee' : 'Assignee (GHL user id, optional)'}
        for={`${id}-assignedTo`}
      >
        {choices ? (
          <select {...control('assignedTo')}>
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : (
          <input type="text" autocomplete="off" spellcheck={false} {...control('assignedTo')} />
        )}
        {error('assignedTo')}
        {hint.assignedTo && (
          <p id={`${id}-assignedTo-hint`} class="panel__meta">
            {hint.assignedTo}
          </p>
        )}
      </Field>
    </PanelForm>
  );
}

function Field(props: { label: string; for: string; children: ComponentChildren }) {
  return (
    <div class="panel__field">
      <label for={props.for}>{props.label}</label>
      {props.children}
    </div>
  );
}
