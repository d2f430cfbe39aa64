import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TranscriptPanel } from '@/components/panel/transcript-panel';
import { isEditorPage, type TranscriptPage } from '@/utils/trint/transcript-page';
import { watchTranscriptPage } from '@/utils/trint/transcript-page-watcher';
import { createCardPaintMarks, PANEL_MOUNTED_MARK } from './paint-marks';
import { createPageReadingReporter } from './page-reading';
import { createPanelHost } from './panel-host';
import { keepOnTop, showOnTop } from './top-layer';

/**
 * Shows the panel while the page is a transcript editor and removes it elsewhere, following
 * Trint's in-page navigation until the content script is invalidated (extension reloaded).
 */
export function followTranscriptPages(ctx: ContentScriptContext): void {
  let page: TranscriptPage | undefined;
  const { host, shadow, container } = createPanelHost(document);
  const paint = () => {
    if (page && isEditorPage(page)) render(<TranscriptPanel page={page} />, container);
  };
  const remove = () => {
    render(null, container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  const paintMarks = createCardPaintMarks(shadow, ctx.signal);
  keepOnTop(host, ctx.signal);
  const reportReading = createPageReadingReporter(document, ctx.signal);

  watchTranscriptPage(
    window,
    (next) => {
      page = next;
      if (isEditorPage(next)) {
        paintMarks.expect(next.transcriptId);
        reportReading(next);
      }
      // isConnected, not a flag of ours: if Trint's own rendering ever drops the host from the
      // page, the next change mounts it again.
      const shown = host.isConnected;
      if (isEditorPage(next) && !shown) {
        document.body.append(host);
        showOnTop(host);
        paint();
        performance.mark(PANEL_MOUNTED_MARK);
      } else if (isEditorPage(next)) paint();
      else if (shown) remove();
    },
    ctx.signal,
  );
}
