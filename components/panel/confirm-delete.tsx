import { useEffect, useRef, useState } from 'preact/hooks';

/** Props of {@link ConfirmDelete}. */
export interface ConfirmDeleteProps {
  /** The button's text, e.g. "Delete". Its accessible name adds `what`. */
  label?: string;
  /** What is deleted, in words, e.g. "task ‘Send proposal’". Shown and used in names. */
  what: string;
  /** A sentence on what happens, e.g. "It is deleted in GHL for everyone." */
  consequence?: string;
  /**
   * Called when the person confirms. It must put the focus somewhere that stays (the section's
   * heading, say): the question is gone, and the button is about to be disabled by the pending
   * write or removed with its record, so the focus is not given back to it.
   */
  onConfirm(): void;
  disabled?: boolean;
}

/**
 * A delete button that asks first, naming the record: "Delete task ‘Send proposal’?" with Delete
 * and Cancel. Focus moves to Cancel when asked (the safe choice); Cancel or Escape gives it back
 * to the button, confirming leaves it to `onConfirm`.
 */
export function ConfirmDelete({
  label = 'Delete',
  what,
  consequence,
  onConfirm,
  disabled,
}: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const backToOpener = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (backToOpener.current) opener.current?.focus();
    backToOpener.current = false;
  }, [asking]);
  const close = () => {
    backToOpener.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        class="panel__button panel__button--danger"
        aria-label={`${label} ${what}`}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      class="panel__confirm"
      role="group"
      aria-label={`Confirm: ${label.toLowerCase()} ${what}`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
    >
      <p class="panel__meta">
        {label} {what}?{consequence ? ` ${consequence}` : ''}
      </p>
      <div class="panel__actions">
        <button
          type="button"
          class="panel__button panel__button--danger"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {`Yes, ${label.toLowerCase()}`}
        </button>
        <button ref={cancel} type="button" class="panel__button" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
