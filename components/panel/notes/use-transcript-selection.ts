import { useCallback, useEffect, useState } from 'preact/hooks';
import { readTranscriptSelection } from '@/utils/trint/transcript-selection';

/** What {@link useTranscriptSelection} gives. */
export interface TranscriptSelection {
  /** The latest text selected on the page outside the panel, if any. */
  text: string | undefined;
  /** Forgets it (once saved, so a second click cannot save it twice). */
  clear(): void;
}

/**
 * Remembers the latest non-empty selection on the Trint page. The panel cannot read the
 * selection when its button is pressed: pressing a control in the panel, or focusing one with
 * the keyboard, may clear or move the page's selection first. So it follows `selectionchange`
 * and keeps the last text read outside the panel; empty selections and selections inside the
 * panel leave it as it was. A new transcript starts with nothing remembered, then the selection
 * already on the page once the panel has painted.
 */
export function useTranscriptSelection(
  transcriptId: string,
  win: Pick<Window, 'document'> = window,
): TranscriptSelection {
  const [text, setText] = useState<string | undefined>(undefined);

  useEffect(() => {
    const remember = () => {
      const selected = readTranscriptSelection(win);
      if (selected) setText(selected);
    };
    setText(undefined);
    // What was selected before the panel showed is read once the panel has painted: reading a
    // selection makes Chromium lay the page out, and just after the panel rendered that layout
    // is the whole panel's, which held up the card's first paint (issue 17).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(remember, 0)));
    win.document.addEventListener('selectionchange', remember);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      win.document.removeEventListener('selectionchange', remember);
    };
  }, [transcriptId, win]);

  const clear = useCallback(() => setText(undefined), []);
  return { text, clear };
}
