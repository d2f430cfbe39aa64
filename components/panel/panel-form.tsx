import type { ComponentChildren, Ref, TargetedSubmitEvent } from 'preact';

/** Props of {@link PanelForm}. */
export interface PanelFormProps {
  /** The form's accessible name, e.g. "New task" or "Edit contact Jane Doe". */
  label: string;
  /** The submit button's text, e.g. "Save task". */
  submitLabel: string;
  /** While the write is being queued: the submit button waits. */
  busy: boolean;
  onSubmit(event: TargetedSubmitEvent<HTMLFormElement>): void;
  /** Cancel button or Escape anywhere in the form. */
  onCancel(): void;
  formRef?: Ref<HTMLFormElement>;
  children: ComponentChildren;
}

/**
 * The frame every panel form shares: named for assistive technology, checked by our own code
 * rather than the browser's (noValidate: our messages sit beside the fields), Escape to cancel,
 * and the submit and Cancel buttons.
 */
export function PanelForm(props: PanelFormProps) {
  const { label, submitLabel, busy, onSubmit, onCancel, formRef, children } = props;
  return (
    <form
      ref={formRef}
      class="panel__form"
      aria-label={label}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
      <div class="panel__actions">
        <button type="submit" class="panel__button panel__button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" class="panel__button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
