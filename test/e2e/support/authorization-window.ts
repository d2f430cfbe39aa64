import type { BrowserContext, Page } from 'playwright-core';
import { GHL_AUTHORIZE_URL } from '../../../utils/ghl/api-constants';

/**
 * The window `chrome.identity.launchWebAuthFlow` opened on GHL's authorization page, as a
 * Playwright page a test can click in like a person. Playwright lists that window among the
 * context's pages; it is polled for rather than awaited as a 'page' event because the window may
 * open before the test asks, and may still show about:blank when the event fires.
 */
export async function waitForAuthorizationPage(
  context: BrowserContext,
  timeoutMs = 5_000,
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = context.pages().find((p) => p.url().startsWith(GHL_AUTHORIZE_URL));
    if (page) {
      await page.waitForLoadState();
      return page;
    }
    if (Date.now() > deadline) {
      const open = context.pages().map((p) => p.url());
      throw new Error(`No GHL authorization window within ${timeoutMs} ms; open: ${open}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
