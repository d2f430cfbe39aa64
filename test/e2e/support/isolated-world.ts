import type { Page } from 'playwright-core';

/**
 * Evaluates an expression in the extension's content-script world of a page (Chrome's "isolated
 * world"), through the DevTools protocol: Playwright only reaches the page's main world. The
 * expression sees what the content script sees: `chrome.storage`, the page origin's IndexedDB.
 */
export async function evaluateInContentScript<T>(
  page: Page,
  extensionName: string,
  expression: string,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] =
    [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  try {
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName);
    if (!world)
      throw new Error(`No content-script world named "${extensionName}" on ${page.url()}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`In the content script: ${exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * Everything a content script can read on its own: storage.local/sync/session and the page
 * origin's IndexedDB databases (every record), localStorage and sessionStorage, as one JSON text.
 */
export const READ_EVERY_STORAGE_AREA = `(async () => {
  const areas = {};
  for (const name of ['local', 'sync', 'session']) {
    try { areas[name] = await chrome.storage[name].get(null); }
    catch (error) { areas[name] = 'refused: ' + String(error && error.message); }
  }
  const databases = {};
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    databases[name] = {};
    for (const store of db.objectStoreNames) {
      databases[name][store] = await new Promise((ok) => {
        const all = db.transaction(store).objectStore(store).getAll();
        all.onsuccess = () => ok(all.result);
      });
    }
    db.close();
  }
  return JSON.stringify({ areas, databases, local: { ...localStorage }, session: { ...sessionStorage } });
})()`;
