import { useId, useRef, useState } from 'preact/hooks';
import { usePanelActions } from '../panel-actions';
import {
  exportFileName,
  exportJson,
  exportMarkdown,
  type TranscriptExport,
} from './transcript-export';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  /** The record to export, read when a choice is made (so it is current). */
  record: () => TranscriptExport;
}

/** How long a download's object URL is kept: the browser reads it after the click returns. */
const REVOKE_AFTER_MS = 10_000;

/**
 * "Export": a closed disclosure with "Copy as Markdown", "Download Markdown" and "Download JSON",
 * so the transcript's context (mapped fields, notes, timeline) travels with the transcript. Each
 * outcome is announced in words; Escape closes it and the focus goes back to "Export".
 */
export function ExportMenu({ record }: ExportMenuProps) {
  const { announce } = usePanelActions();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const copy = async () => {
    close();
    try {
      await navigator.clipboard.writeText(exportMarkdown(record()));
      announce('Copied');
    } catch {
      // No clipboard (the page is not focused, or the browser refused): say so, offer the file.
      announce(
        'Could not copy: the browser refused the clipboard. Try Download Markdown.',
        'alert',
      );
    }
  };

  const download = (extension: 'md' | 'json') => {
    close();
    const shown = record();
    const name = exportFileName(shown.transcript.title, extension);
    try {
      const [text, type] =
        extension === 'md'
          ? [exportMarkdown(shown), 'text/markdown']
          : [exportJson(shown, new Date()), 'application/json'];
      const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      announce(`Downloading ${name}`);
    } catch {
      announce(`Could not download ${name}.`, 'alert');
    }
  };

  return (
    <div
      class="panel__actions"
      onKeyDown={(event) => {
        if (!open || event.key !== 'Escape') return;
        // Handled: the panel's own Escape (back to the transcript) is for an Escape nothing took.
        event.preventDefault();
        close();
      }}
    >
      <button
        ref={opener}
        type="button"
        class="panel__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      {open && (
        <div
          id={id}
          role="group"
          aria-label="Export this transcript’s record"
          class="panel__actions"
        >
          <button type="button" class="panel__button" onClick={() => void copy()}>
            Copy as Markdown
          </button>
          <button type="button" class="panel__button" onClick={() => download('md')}>
            Download Markdown
          </button>
          <button type="button" class="panel__button" onClick={() => download('json')}>
            Download JSON
          </button>
        </div>
      )}
    </div>
  );
}
