import { useEffect, useRef, useState } from 'preact/hooks';

/** What {@link useFormOpener} returns. */
export interface FormOpener {
  open: boolean;
  show(): void;
  /** Closes the form; focus goes back to the button that opened it unless `returnFocus` is false. */
  close(returnFocus?: boolean): void;
  /** Put on the button that opens the form. */
  opener: { current: HTMLButtonElement | null };
}

/**
 * Opens and closes a form that replaces the button opening it, and gives focus back to that
 * button when the form goes (it is rendered anew, so the focus must be set after the render).
 * The caller passes `returnFocus: false` when it has put the focus somewhere better itself.
 */
export function useFormOpener(): FormOpener {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const focusOpener = useRef(false);
  useEffect(() => {
    if (open || !focusOpener.current) return;
    focusOpener.current = false;
    if (opener.current && !opener.current.disabled) opener.current.focus();
  }, [open]);
  return {
    open,
    show: () => setOpen(true),
    close(returnFocus = true) {
      focusOpener.current = returnFocus;
      setOpen(false);
    },
    opener,
  };
}
