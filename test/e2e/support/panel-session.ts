import type { Locator, Page } from 'playwright-core';
import { SANDBOX_LOCATION } from '../../../sandbox/sandbox-fixtures';
import { sandboxControl } from '../../support/sandbox-control';
import type { ExtensionChromium } from './chromium';
import { openPopup, submitToken } from './extension-pages';

/** Jane Doe, a speaker of the look-alike's tr-alpha, seeded with tasks, notes and appointments. */
export const JANE_ID = 'sbxContJaneDoe000002';
/** The Trint look-alike's editor URL of a transcript. */
export const editorUrl = (transcriptId: string) => `https://app.trint.com/editor/${transcriptId}`;
/** The same on Trint EU's host, which is served the same look-alike. */
export const euEditorUrl = (transcriptId: string) =>
  `https://app.eu.trint.com/editor/${transcriptId}`;

/**
 * Connects the extension to the routed Sandbox GHL with a Private Integration token minted
 * through its control API (scopes as given; default read and write), through the popup as a
 * person would. Returns the popup, left open for `ask` calls.
 */
export async function connectWithToken(
  browser: ExtensionChromium,
  scopes?: string[],
): Promise<Page> {
  const { token } = await sandboxControl<{ token: string }>(
    browser.ghl,
    'tokens',
    scopes ? { scopes } : {},
  );
  const popup = await openPopup(browser);
  await submitToken(popup, token, SANDBOX_LOCATION.id);
  await popup.waitForFunction(
    () => document.querySelector('#connection-title')?.textContent === 'Connected',
  );
  return popup;
}

/** The panel, found the way a person finds it: a region named "GHL for Trint". */
export function panelOf(page: Page): Locator {
  return page.getByRole('complementary', { name: 'GHL for Trint' });
}

/** Opens a transcript in a new tab (wide enough for Trint and the panel) and waits for the panel. */
export async function openTranscript(browser: ExtensionChromium, transcriptId: string) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(editorUrl(transcriptId));
  await panelOf(page).getByTestId('transcript-id').filter({ hasText: transcriptId }).waitFor();
  return page;
}

/** Links the open transcript to a contact through the panel's search, as a person would. */
export async function linkThroughSearch(page: Page, query: string, name: string) {
  const panel = panelOf(page);
  await panel.getByRole('searchbox', { name: 'Search GHL contacts' }).fill(query);
  await panel
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: `Link ${name}`, exact: true })
    .click();
  await panel.getByRole('heading', { name, level: 2, exact: true }).waitFor();
}
