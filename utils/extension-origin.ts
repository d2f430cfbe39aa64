import { browser } from 'wxt/browser';

/**
 * This install's origin: `chrome-extension://<id>` or `moz-extension://<uuid>` (Firefox's differs
 * per install). Built from the URL's parts: URL.origin is "null" for these schemes in some engines.
 */
export function extensionOrigin(): string {
  const url = new URL(browser.runtime.getURL('/'));
  return `${url.protocol}//${url.host}`;
}
