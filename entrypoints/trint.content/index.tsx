import '@/components/panel/transcript-panel.css';
import { followTranscriptPages } from './panel-lifecycle';

/**
 * Runs on every Trint page, not only editors: Trint navigates between its dashboard and editors
 * without reloading, so the script must already be there when a transcript opens.
 */
export default defineContentScript({
  matches: ['https://app.trint.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    return followTranscriptPages(ctx);
  },
});
