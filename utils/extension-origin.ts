import { browser } from 'wxt/browser';

/**
 * This install's origin: `chrome-extension://<id>` or `moz-extension://<uuid>` (Firefox's differs
 * per install). Built from the URL's parts: URL.origin is "null" for these schemes in some engines.
 */
export function extensionOrigin(): string {
  return originOf(new URL(browser.runtime.getURL('/')));
}

/** A URL's scheme and host, e.g. for comparing an extension page's sender URL with ours. */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
