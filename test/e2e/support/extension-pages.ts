import type { Page, Worker } from 'playwright-core';
import type { ExtensionChromium } from './chromium';

/** The part of `chrome` the tests call in the service worker and extension pages. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/** Opens the toolbar popup's page in a tab (Playwright cannot click the toolbar button). */
export async function openPopup(browser: ExtensionChromium): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('popup.html'));
  return page;
}

/** The connection card (the popup also has the sync card and the failed writes). */
export function connectionCard(page: Page) {
  return page.locator('section.card:has(#connection-title)');
}

/** The connection card's title, as a person reads it. */
export function connectionTitle(page: Page) {
  return page.locator('#connection-title');
}

/** Connects with a Private Integration token through the popup's form. */
export async function submitToken(page: Page, token: string, locationId?: string) {
  await page.getByLabel(/Private Integration token/).fill(token);
  if (locationId !== undefined) await page.getByLabel('Location id').fill(locationId);
  await page
    .getByRole('button', { name: locationId === undefined ? 'Replace token' : 'Connect' })
    .click();
}

/** The toolbar badge text and the ids of the extension's notifications. */
export async function toolbarState(worker: Worker) {
  return worker.evaluate(async () => ({
    badge: await chrome.action.getBadgeText({}),
    notifications: Object.keys(await chrome.notifications.getAll()),
  }));
}

/** Disconnects (and wipes the cache) through the background, from an extension page. */
export async function resetConnection(page: Page) {
  await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'connection/disconnect', payload: { wipeCache: true } }),
  );
}

/**
 * Sends a protocol message to the background from an extension page, as the popup and panel do,
 * and returns the reply envelope ({ ok, value } or { ok: false, error }).
 */
export async function askBackground<T = unknown>(
  page: Page,
  type: string,
  payload: unknown = {},
): Promise<{ ok: true; value: T } | { ok: false; error: { kind: string; message: string } }> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const) as never;
}

/** Like {@link askBackground}, but the answer's value, or a thrown error with the reply's message. */
export async function ask<T = unknown>(
  page: Page,
  type: string,
  payload: unknown = {},
): Promise<T> {
  const reply = await askBackground<T>(page, type, payload);
  if (!reply.ok) throw new Error(`${type}: ${reply.error.kind}: ${reply.error.message}`);
  return reply.value;
}
