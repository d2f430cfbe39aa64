import { ConfirmDelete } from './confirm-delete';
import type { FormOpener } from './use-form-opener';

/** Props of {@link EditAndDelete}. */
export interface EditAndDeleteProps {
  /** The record in words, e.g. "task ‘Send proposal’": both buttons' accessible names use it. */
  name: string;
  /** The edit form's opener: the Edit button is where its focus returns. */
  form: FormOpener;
  /** While a write to the record is on its way, or it has no GHL id yet. */
  disabled: boolean;
  /** Called once the delete is confirmed; it must move the focus somewhere that stays. */
  onDelete(): void;
}

/** A task's or note's Edit and Delete (behind a confirmation naming it) buttons. */
export function EditAndDelete({ name, form, disabled, onDelete }: EditAndDeleteProps) {
  return (
    <>
      <button
        ref={form.opener}
        type="button"
        class="panel__button"
        aria-label={`Edit ${name}`}
        disabled={disabled}
        onClick={form.show}
      >
        Edit
      </button>
      <ConfirmDelete
        what={name}
        consequence="It is deleted in GHL for everyone."
        disabled={disabled}
        onConfirm={onDelete}
      />
    </>
  );
}

/** "Saving…" or "Deleting…" under a record while a write to it is on its way. */
export function PendingMark({ pending }: { pending: 'saving' | 'deleting' | undefined }) {
  if (!pending) return null;
  return <p class="panel__pending">{pending === 'saving' ? 'Saving…' : 'Deleting…'}</p>;
}
