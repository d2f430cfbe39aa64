import { useId, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '@/utils/messaging/protocol';
import { errorWords } from '@/utils/messaging/send-trint-message';
import type { ExportedFile } from '@/utils/messaging/trint-answers';
import { usePanelActions } from '../panel-actions';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  /**
   * The file in a format, asked when a choice is made (so it is current): the background builds
   * it from the cache ('transcript/export').
   */
  ask: (format: ExportFormat) => Promise<ExportedFile>;
}

const MIME: Record<ExportFormat, string> = {
  markdown: 'text/markdown',
  json: 'application/json',
};

/** How long a download's object URL is kept: the browser reads it after the click returns. */
const REVOKE_AFTER_MS = 10_000;

/**
 * "Export": a closed disclosure with "Copy as Markdown", "Download Markdown" and "Download JSON",
 * so the transcript's context (mapped fields, notes, timeline) travels with the transcript. Each
 * outcome is announced in words; Escape closes it and the focus goes back to "Export".
 */
export function ExportMenu({ ask }: ExportMenuProps) {
  const { announce } = usePanelActions();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  /** The file, or undefined after saying in words why there is none. */
  const file = async (format: ExportFormat) => {
    try {
      return await ask(format);
    } catch (error) {
      announce(errorWords(error, 'Could not export this transcript.'), 'alert');
      return undefined;
    }
  };

  const copy = async () => {
    close();
    const shown = await file('markdown');
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.text);
      announce('Copied');
    } catch {
      // No clipboard (the page is not focused, or the browser refused): say so, offer the file.
      announce(
        'Could not copy: the browser refused the clipboard. Try Download Markdown.',
        'alert',
      );
    }
  };

  const download = async (format: ExportFormat) => {
    close();
    const shown = await file(format);
    if (!shown) return;
    const { name, text } = shown;
    try {
      const type = `${MIME[format]};charset=utf-8`;
      const url = URL.createObjectURL(new Blob([text], { type }));
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
          <button type="button" class="panel__button" onClick={() => void download('markdown')}>
            Download Markdown
          </button>
          <button type="button" class="panel__button" onClick={() => void download('json')}>
            Download JSON
          </button>
        </div>
      )}
    </div>
  );
}
