import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TranscriptPanel } from '@/components/panel/transcript-panel';
import { isEditorPage, type TranscriptPage } from '@/utils/trint/transcript-page';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { watchTranscriptPage } from '@/utils/trint/transcript-page-watcher';
import { createCardPaintMarks, PANEL_MOUNTED_MARK } from './paint-marks';

/**
 * Shows the panel while the page is a transcript editor and removes it elsewhere, following
 * Trint's in-page navigation until the content script is invalidated (extension reloaded).
 */
export async function followTranscriptPages(ctx: ContentScriptContext): Promise<void> {
  let page: TranscriptPage | undefined;
  const paint = (container: HTMLElement) => {
    if (page && isEditorPage(page)) render(<TranscriptPanel page={page} />, container);
  };

  const ui = await createShadowRootUi(ctx, {
    name: PANEL_HOST_TAG,
    position: 'inline',
    anchor: 'body',
    onMount: paint,
    onRemove: () => render(null, ui.uiContainer),
  });
  const paintMarks = createCardPaintMarks(ui.shadow, ctx.signal);

  watchTranscriptPage(
    window,
    (next) => {
      page = next;
      if (isEditorPage(next)) paintMarks.expect(next.transcriptId);
      // isConnected, not a flag of ours: if Trint's own rendering ever drops the host from the
      // page, the next change mounts it again.
      const shown = ui.shadowHost.isConnected;
      if (isEditorPage(next) && !shown) {
        ui.mount();
        performance.mark(PANEL_MOUNTED_MARK);
      } else if (isEditorPage(next)) paint(ui.uiContainer);
      else if (shown) ui.remove();
    },
    ctx.signal,
  );
}
