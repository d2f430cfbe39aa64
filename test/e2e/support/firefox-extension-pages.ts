import type { Page } from 'puppeteer-core';
import type { ExtensionFirefox } from './firefox';

/** The part of `browser` the tests call in an extension page. */
declare const browser: { action: { getBadgeText(details: object): Promise<string> } };

/**
 * Opens one of the extension's pages (`popup.html`, `options.html`) in a tab: nothing can click
 * the toolbar button. Firefox's WebDriver BiDi sends no navigation events for extension pages
 * (bug 1755014: it filters out `moz-extension:` contexts), so `page.goto` would never resolve;
 * the page is ready when its own document says so, and the pending `goto` is then dropped.
 */
export async function openExtensionPage(firefox: ExtensionFirefox, path: string): Promise<Page> {
  const url = firefox.extensionUrl(path);
  // Same guard as a Trint tab: a request from the extension page to any host lands in `unrouted`.
  const page = await firefox.newTrintPage();
  const navigation = new AbortController();
  const loaded = page.waitForFunction(
    (href) => location.href === href && document.readyState === 'complete',
    { timeout: 10_000 },
    url,
  );
  loaded.catch(() => {}); // reported below, or superseded by the navigation's own error
  const navigated = page.goto(url, { signal: navigation.signal }).then(
    () => loaded,
    (error: unknown) => {
      if (!navigation.signal.aborted) throw error;
    },
  );
  try {
    await Promise.race([loaded, navigated]);
  } catch (error) {
    navigation.abort();
    const at = await page.evaluate(() => location.href).catch(() => 'unknown');
    await page.close();
    throw new Error(`${url} did not load (the tab is at ${at}).`, { cause: error });
  }
  navigation.abort();
  return page;
}

/** Opens the toolbar popup's page in a tab. */
export const openPopup = (firefox: ExtensionFirefox) => openExtensionPage(firefox, 'popup.html');

/** The connection card's title, as a person reads it. */
export const connectionTitle = (popup: Page) =>
  popup.$eval('#connection-title', (title) => title.textContent);

/** The toolbar badge, read through `browser.action` from an extension page. */
export const toolbarBadge = (extensionPage: Page) =>
  extensionPage.evaluate(() => browser.action.getBadgeText({}));

/**
 * The panel as a person finds it: the complementary region named "GHL for Trint". Firefox's BiDi
 * accessibility locator walks `children` only, never into a shadow root, so the search starts
 * inside the content script's shadow host (`>>>`).
 */
const PANEL = 'ghl-trint-panel >>> ::-p-aria([name="GHL for Trint"][role="complementary"])';

/** The panel's text on a Trint page, or null while there is no panel. */
export async function panelText(trint: Page): Promise<string | null> {
  const panel = await trint.$(PANEL);
  if (!panel) return null;
  try {
    return await panel.evaluate((element) => element.textContent);
  } finally {
    await panel.dispose();
  }
}

/** The panel header's "Sandbox" marker, or null while the panel shows none. */
export async function panelSandboxBadge(trint: Page): Promise<string | null> {
  const badge = await trint.$(`${PANEL} header .panel__badge--sandbox`);
  if (!badge) return null;
  try {
    return await badge.evaluate((element) => element.textContent);
  } finally {
    await badge.dispose();
  }
}
