import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { waitForAuthorizationPage } from './authorization-window';
import { findChromium } from './find-browser';
import { chromeE2eBuild } from './e2e-build';
import { createGhlSandboxRoute, isGhlUrl } from './ghl-sandbox-route';
import {
  MARKETPLACE_HOST,
  startMarketplaceServer,
  type MarketplaceServer,
} from './marketplace-server';
import { isNetworkUrl, isTrintUrl, trintResponse } from './trint-site';
import type { Sandbox } from '../../../sandbox/sandbox-handler';

/** Chromium with the production build of the extension loaded, and no way to the internet. */
export interface ExtensionChromium {
  context: BrowserContext;
  extensionId: string;
  /** Requests to hosts no test routed. Each was aborted; a test with any of them fails. */
  unrouted: string[];
  /** The Sandbox GHL that answers https://services.leadconnectorhq.com for this browser. */
  ghl: Sandbox;
  /** GHL's authorization host, https://marketplace.gohighlevel.com, answered by that Sandbox. */
  marketplace: {
    /** Every request that reached it, as `METHOD url`. */
    requests: string[];
    /** The window launchWebAuthFlow opened on GHL's authorization page, once it has loaded. */
    authorizationPage(): Promise<Page>;
  };
  /** `chrome-extension://<id>/<path>` of this build. */
  extensionUrl(path: string): string;
  /**
   * Quits the browser and starts it again on the same profile, as a person restarting their
   * browser: extension storage and IndexedDB survive, the Sandbox GHL keeps its data.
   * `context` is the new browser's afterwards.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Flags from this machine's notes: without the background-networking ones Chromium keeps trying
 * Google's hosts.
 */
const OFFLINE_ARGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/**
 * The host resolver is the last line of defence: a request that escapes routing cannot resolve
 * any name, so no test can reach the internet even by mistake. The one exception is GHL's
 * authorization host, sent to the local server (the first rule that matches wins), whose
 * self-signed certificate, and no other, Chromium is told to accept.
 */
function networkGuardArgs(marketplace: MarketplaceServer): string[] {
  return [
    `--host-resolver-rules=MAP ${MARKETPLACE_HOST} 127.0.0.1:${marketplace.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${marketplace.spkiSha256}`,
  ];
}

/** Options of {@link launchChromiumWithExtension}. */
export interface LaunchOptions {
  /** A visible window (the demo on a desktop); tests always run headless. */
  headless?: boolean;
  /**
   * The unpacked extension to load (default: the production build's e2e copy, whose panel shadow
   * root is open, e2e-build.ts; the attacker tests load the production build). The upgrade test loads an
   * earlier release from a folder of its own, then swaps that folder's files for the current
   * build and restarts: the same folder keeps the same extension id, as a store update does.
   */
  extensionDir?: string;
}

/**
 * Launches Chromium with the Chrome build loaded. Requests to https://app.trint.com (and app.eu.trint.com) get the Trint
 * look-alike, requests to GHL's API host get a Sandbox GHL, and GHL's authorization host gets a
 * local HTTPS server showing that Sandbox's authorization page, so the real launchWebAuthFlow
 * runs offline; everything else is aborted and recorded in `unrouted`.
 */
export async function launchChromiumWithExtension({
  headless = true,
  extensionDir = chromeE2eBuild(),
}: LaunchOptions = {}): Promise<ExtensionChromium> {
  const unrouted: string[] = [];
  const ghl = createGhlSandboxRoute();
  const marketplace = await startMarketplaceServer({
    sandbox: ghl.sandbox,
    onUnserved: (href) => unrouted.push(href),
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'ghl-trint-chromium-'));
  const context = await launch(userDataDir, headless, marketplace, extensionDir).catch(
    async (error) => {
      await marketplace.close();
      throw error;
    },
  );
  await guard(context);

  /** Routes every request of `context`; see the function's doc for where each host goes. */
  async function guard(context: BrowserContext) {
    // Fail fast and clearly: a missing element is an assertion failure, not a 30 s hang.
    context.setDefaultTimeout(5_000);
    await context.route('**/*', (route) => routeRequest(route));
  }

  async function routeRequest(route: Route) {
    const url = new URL(route.request().url());
    // The extension's own files and data: URLs (Playwright routes these too) never leave the browser.
    if (!isNetworkUrl(url)) return route.continue();
    if (isTrintUrl(url)) {
      const { status, contentType, body } = trintResponse(url);
      return route.fulfill({ status, contentType, body });
    }
    if (isGhlUrl(url)) return ghl.fulfil(route);
    // Routing misses the auth window's first page but sees its later ones (the approve click):
    // both go to the local server, so one server answers the whole flow and logs it.
    if (url.protocol === 'https:' && url.hostname === MARKETPLACE_HOST) return route.continue();
    unrouted.push(url.href);
    return route.abort('blockedbyclient');
  }

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const browser: ExtensionChromium = {
    context,
    extensionId,
    unrouted,
    ghl: ghl.sandbox,
    marketplace: {
      requests: marketplace.requests,
      authorizationPage: () => waitForAuthorizationPage(context),
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async restart() {
      await browser.context.close();
      browser.context = await launch(userDataDir, headless, marketplace, extensionDir);
      await guard(browser.context);
      if (browser.context.serviceWorkers().length === 0) {
        await browser.context.waitForEvent('serviceworker');
      }
    },
    async close() {
      await browser.context.close();
      await marketplace.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return browser;
}

/** Chromium with the build loaded and the network guard's flags. */
function launch(
  userDataDir: string,
  headless: boolean,
  marketplace: MarketplaceServer,
  extensionDir: string,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    // Playwright disables extensions by default; this build is what is under test.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', // tests run as root in CI
      ...OFFLINE_ARGS,
      ...networkGuardArgs(marketplace),
    ],
    viewport: headless ? { width: 1280, height: 800 } : null,
  });
}
