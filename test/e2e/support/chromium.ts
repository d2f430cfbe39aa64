import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from './find-browser';
import { CHROME_BUILD } from './paths';
import { createGhlSandboxRoute, isGhlUrl } from './ghl-sandbox-route';
import { isNetworkUrl, isTrintUrl, trintResponse } from './trint-site';
import type { Sandbox } from '../../../utils/sandbox/sandbox-handler';

/** Chromium with the production build of the extension loaded, and no way to the internet. */
export interface ExtensionChromium {
  context: BrowserContext;
  extensionId: string;
  /** Requests to hosts no test routed. Each was aborted; a test with any of them fails. */
  unrouted: string[];
  /** The Sandbox GHL that answers https://services.leadconnectorhq.com for this browser. */
  ghl: Sandbox;
  /** `chrome-extension://<id>/<path>` of this build. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Flags from this machine's notes: without the background-networking ones Chromium keeps trying
 * Google's hosts. The host resolver rule is the last line of defence: a request that escapes
 * routing cannot resolve any name, so no test can reach the internet even by mistake.
 */
const OFFLINE_ARGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Options of {@link launchChromiumWithExtension}. */
export interface LaunchOptions {
  /** A visible window (the demo on a desktop); tests always run headless. */
  headless?: boolean;
}

/**
 * Launches Chromium with the Chrome build loaded. Requests to https://app.trint.com get the Trint
 * look-alike, requests to GHL's API host get a Sandbox GHL; everything else is aborted and
 * recorded in `unrouted`.
 */
export async function launchChromiumWithExtension({
  headless = true,
}: LaunchOptions = {}): Promise<ExtensionChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ghl-trint-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    // Playwright disables extensions by default; this build is what is under test.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox', // tests run as root in CI
      ...OFFLINE_ARGS,
    ],
    viewport: headless ? { width: 1280, height: 800 } : null,
  });

  // Fail fast and clearly: a missing element is an assertion failure, not a 30 s hang.
  context.setDefaultTimeout(5_000);

  const unrouted: string[] = [];
  const ghl = createGhlSandboxRoute();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // The extension's own files and data: URLs (Playwright routes these too) never leave the browser.
    if (!isNetworkUrl(url)) return route.continue();
    if (isTrintUrl(url)) {
      const { status, contentType, body } = trintResponse(url);
      return route.fulfill({ status, contentType, body });
    }
    if (isGhlUrl(url)) return ghl.fulfil(route);
    unrouted.push(url.href);
    return route.abort('blockedbyclient');
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    unrouted,
    ghl: ghl.sandbox,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
