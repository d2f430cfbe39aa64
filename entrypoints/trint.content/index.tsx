import { askViewEarly } from '@/components/panel/early-view';
import { readStoredEarly } from '@/components/shared/early-stored';
import { panelConnectionStatusItem } from '@/utils/storage/connection-status-item';
import { panelLayoutItem } from '@/utils/storage/panel-layout-item';
import { panelSectionsItem } from '@/utils/storage/panel-sections-item';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { parseTranscriptId, TRINT_MATCHES } from '@/utils/trint/transcript-url';
import { ignoreForgedRestarts } from './forged-restart';
import { markLinkedTranscripts } from './link-markers';
import { CONTENT_START_MARK } from './paint-marks';
import { followTranscriptPages } from './panel-lifecycle';

/**
 * Runs on every Trint page, not only editors: Trint navigates between its dashboard and editors
 * without reloading, so the script must already be there when a transcript opens.
 */
export default defineContentScript({
  // Every Trint origin (app.trint.com and the EU's app.eu.trint.com), from utils/trint's one list.
  matches: TRINT_MATCHES,
  // The panel's styles are inlined into its shadow root (panel-host.ts): none for WXT to inject.
  cssInjectionMode: 'manual',
  // WXT would also post "content script started" to the page with window.postMessage, telling
  // every script of the page the extension's id; its own CustomEvent is enough (forged-restart.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignoreForgedRestarts(ctx.signal);
    // Where the benchmarks' first-paint measure starts (bench/browser/panel-paint.ts).
    performance.mark(CONTENT_START_MARK);
    // The view is asked for before the panel is built: the answer travels while it mounts.
    const transcriptId = parseTranscriptId(location.href);
    if (transcriptId) askViewEarly(transcriptId);
    // And what the panel reads from storage as it renders, so the view's answer finds them known
    // and is the panel's one full render (components/shared/early-stored.ts).
    readStoredEarly([panelConnectionStatusItem, panelLayoutItem, panelSectionsItem], ctx.signal);
    markLinkedTranscripts(ctx, () => document.querySelector(PANEL_HOST_TAG) ?? undefined);
    followTranscriptPages(ctx);
  },
});
