import { readFileSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from './find-browser';
import { firefoxE2eBuild } from './e2e-build';
import { isNetworkUrl, isTrintUrl, trintResponse } from './trint-site';

/** Firefox with the production Firefox build installed, and no way to the internet. */
export interface ExtensionFirefox {
  browser: Browser;
  /** Requests to hosts no test routed. Each was aborted; a test with any of them fails. */
  unrouted: string[];
  /**
   * A new tab whose requests to https://app.trint.com (and app.eu.trint.com) get the Trint look-alike; its requests to
   * any other host are aborted and recorded in `unrouted`.
   */
  newTrintPage(): Promise<Page>;
  /** `moz-extension://<EXTENSION_UUID>/<path>` of this build. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * The internal UUID of the extension's `moz-extension://` origin. Firefox draws a random one at
 * install; the `extensions.webextensions.uuids` pref (add-on id → UUID, as JSON) makes it take this
 * one instead, so the tests know the origin before the add-on exists.
 */
export const EXTENSION_UUID = '0d5e4f3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f';

/** The add-on id Firefox installs the build under: the manifest's gecko id (GECKO_ID). */
function geckoIdOfBuild(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id.`);
  return id;
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
 * add-on, as `about:debugging` would, under its gecko id and at `moz-extension://EXTENSION_UUID/`.
 */
export async function launchFirefoxWithExtension({
  extensionDir = firefoxE2eBuild(),
}: {
  /**
   * The unpacked add-on to install (default: the production build's e2e copy, whose panel shadow
   * root is open, e2e-build.ts; the upgrade test: an earlier release).
   */
  extensionDir?: string;
} = {}): Promise<ExtensionFirefox> {
  const geckoId = geckoIdOfBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // WebDriver BiDi refuses to navigate to anything but http(s), file, blob and about:blank
    // ("Navigation to moz-extension://… is not allowed in this context") unless system access is
    // allowed: isWebdriverSafeNavigationURL in Firefox's remote/shared/BrowsingContextUtils.sys.mjs.
    // The popup and options pages are moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...OFFLINE_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    },
  });
  const installed = await browser.installExtension(extensionDir).catch(async (error) => {
    await browser.close();
    throw error;
  });
  if (installed !== geckoId) {
    await browser.close();
    throw new Error(`Firefox installed the build as ${installed}, not as its gecko id ${geckoId}.`);
  }

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
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`,
    close: () => browser.close(),
  };
}
