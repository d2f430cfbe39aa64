import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { GHL_API_BASE, GHL_AUTHORIZE_URL } from '../../utils/ghl/api-constants';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';

/** The part of the service worker's `chrome` these tests call (the test's own types are Node's). */
declare const chrome: {
  identity: {
    getRedirectURL(): string;
    launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  };
};

/** Runs the real launchWebAuthFlow in the service worker; a rejection comes back as `error`. */
function launchWebAuthFlow(worker: Worker, url: string) {
  return worker.evaluate(async (url) => {
    try {
      return { redirect: await chrome.identity.launchWebAuthFlow({ url, interactive: true }) };
    } catch (error) {
      return { error: String(error) };
    }
  }, url);
}

// The real chrome.identity OAuth window, offline: GHL's authorization host is a local HTTPS server
// showing the Sandbox's authorization page, and the test clicks in it as the person would. What
// the extension's connect flow stands on.
describe('Chromium: launchWebAuthFlow against the Sandbox authorization page', () => {
  let browser: ExtensionChromium;
  let worker: Worker;
  let redirectUri: string;

  /** GHL's authorization URL for the Sandbox client, as the extension will build it. */
  const authorizeUrl = (state: string) =>
    `${GHL_AUTHORIZE_URL}?${new URLSearchParams({
      response_type: 'code',
      client_id: SANDBOX_OAUTH_CLIENT.clientId,
      redirect_uri: redirectUri,
      scope: 'contacts.readonly contacts.write',
      state,
    })}`;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    worker = browser.context.serviceWorkers()[0]!;
    redirectUri = await worker.evaluate(() => chrome.identity.getRedirectURL());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('returns a code and the same state once a location is chosen, and the code buys a token', async () => {
    const flow = launchWebAuthFlow(worker, authorizeUrl('state-approve-1'));
    const page = await browser.marketplace.authorizationPage();
    expect(await page.locator('body').textContent()).toContain('read and change your contacts');
    await page.getByRole('link', { name: SANDBOX_LOCATION.name }).click();
    const { redirect, error } = await flow;
    expect(error).toBeUndefined();
    const back = new URL(redirect!);
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('state-approve-1');
    const code = back.searchParams.get('code');
    expect(code).toBeTruthy();

    const token = await worker.evaluate(
      async ({ tokenUrl, form }) => {
        const response = await fetch(tokenUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: new URLSearchParams(form),
        });
        return { status: response.status, body: await response.json() };
      },
      {
        tokenUrl: `${GHL_API_BASE}/oauth/token`,
        form: {
          client_id: SANDBOX_OAUTH_CLIENT.clientId,
          client_secret: SANDBOX_OAUTH_CLIENT.clientSecret,
          grant_type: 'authorization_code',
          code: code!,
          redirect_uri: redirectUri,
          user_type: 'Location',
        },
      },
    );
    expect(token).toMatchObject({
      status: 200,
      body: {
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        locationId: SANDBOX_LOCATION.id,
        scope: 'contacts.readonly contacts.write',
      },
    });
    // Both the page and the approve click reached the local server; nothing else left the browser.
    expect(browser.marketplace.requests).toEqual([
      expect.stringMatching(
        /^GET https:\/\/marketplace\.gohighlevel\.com\/v2\/oauth\/chooselocation\?/,
      ),
      expect.stringMatching(/\/v2\/oauth\/chooselocation\/approve\?.*locationId=sbxLoc7Trint/),
    ]);
    expect(browser.unrouted).toEqual([]);
  });

  it('returns error=access_denied and the state when the person cancels', async () => {
    const flow = launchWebAuthFlow(worker, authorizeUrl('state-cancel-2'));
    const page = await browser.marketplace.authorizationPage();
    await page.getByRole('link', { name: 'Cancel' }).click();
    const back = new URL((await flow).redirect!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-cancel-2');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('rejects when the person closes the window without choosing', async () => {
    const flow = launchWebAuthFlow(worker, authorizeUrl('state-close-3'));
    await (await browser.marketplace.authorizationPage()).close();
    expect(await flow).toEqual({ error: expect.stringMatching(/did not approve/) });
  });

  it('still cannot reach any other host from the auth window', async () => {
    const before = browser.marketplace.requests.length;
    const flow = await launchWebAuthFlow(worker, 'https://example.com/oauth/authorize');
    expect(flow).toEqual({ error: expect.stringMatching(/could not be loaded/) });
    expect(browser.marketplace.requests).toHaveLength(before);
  });
});
