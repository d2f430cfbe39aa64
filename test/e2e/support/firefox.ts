import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from './find-browser';
import { FIREFOX_BUILD } from './paths';
import { isNetworkUrl, isTrintUrl, trintResponse } from './trint-site';

/** Firefox with the production Firefox build installed, and no way to the internet. */
export interface ExtensionFirefox {
  browser: Browser;
  /** Requests to hosts no test routed. Each was aborted; a test with any of them fails. */
  unrouted: string[];
  /** A new tab whose requests to https://app.trint.com get the Trint look-alike. */
  newTrintPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox's own background traffic (updates, telemetry, safe browsing, captive portal checks) is
 * off, so nothing leaves the machine outside the page's intercepted requests.
 */
const OFFLINE_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'browser.region.network.url': '',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

/**
 * Launches headless Firefox (WebDriver BiDi) and installs the Firefox build as a temporary
 * add-on, as `about:debugging` would.
 */
export async function launchFirefoxWithExtension(): Promise<ExtensionFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: OFFLINE_PREFS,
  });
  await browser.installExtension(FIREFOX_BUILD);

  const unrouted: string[] = [];
  return {
    browser,
    unrouted,
    async newTrintPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = new URL(request.url());
        // The extension's files and data: URLs never leave the browser.
        if (!isNetworkUrl(url)) return void request.continue();
        if (isTrintUrl(url)) return void request.respond(trintResponse(url));
        unrouted.push(url.href);
        return void request.abort();
      });
      return page;
    },
    close: () => browser.close(),
  };
}
