import '@/components/panel/transcript-panel.css';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { markLinkedTranscripts } from './link-markers';
import { followTranscriptPages } from './panel-lifecycle';

/**
 * Runs on every Trint page, not only editors: Trint navigates between its dashboard and editors
 * without reloading, so the script must already be there when a transcript opens.
 */
export default defineContentScript({
  matches: ['https://app.trint.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    markLinkedTranscripts(ctx, () => document.querySelector(PANEL_HOST_TAG) ?? undefined);
    return followTranscriptPages(ctx);
  },
});
