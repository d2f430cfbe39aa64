import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { TRINT_MATCHES } from '@/utils/trint/transcript-url';
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
  main(ctx) {
    // Where the benchmarks' first-paint measure starts (bench/browser/panel-paint.ts).
    performance.mark(CONTENT_START_MARK);
    markLinkedTranscripts(ctx, () => document.querySelector(PANEL_HOST_TAG) ?? undefined);
    followTranscriptPages(ctx);
  },
});
