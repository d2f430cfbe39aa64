import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route, Worker } from 'playwright-core';
import { createTokenBroker } from '../../broker/token-broker';

type TokenBroker = ReturnType<typeof createTokenBroker>;
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import {
  connectionTitle,
  openPopup,
  resetConnection,
  toolbarState,
  connectionCard,
} from './support/extension-pages';
import { evaluateInContentScript, READ_EVERY_STORAGE_AREA } from './support/isolated-world';
import { RESULTS } from './support/paths';
import { sandboxControl } from '../support/sandbox-control';

const BROKER = 'https://broker.ghl-for-trint.test';
const STRICT_BROKER = 'https://strict-broker.ghl-for-trint.test';

/** Answers a routed request with the project's token broker, as if it ran at that host. */
async function fulfilFrom(broker: TokenBroker, route: Route): Promise<string> {
  const request = route.request();
  const answer = await broker.handle(
    new Request(request.url(), {
      method: request.method(),
      headers: await request.allHeaders(),
      body: request.method() === 'POST' ? request.postData() : undefined,
    }),
  );
  const body = await answer.text();
  await route.fulfill({ status: answer.status, headers: Object.fromEntries(answer.headers), body });
  return body;
}

// "Sign in with GHL" as a person does it: the real chrome.identity window showing the Sandbox's
// authorization page at GHL's authorization URL, the code exchanged with the secret or through
// the project's token broker, refresh and revocation.
describe('Chromium: connect with OAuth', () => {
  let browser: ExtensionChromium;
  let worker: Worker;
  let popup: Page;
  /** Grants the broker forwarded, and bearer tokens the extension sent to GHL. */
  const brokered: string[] = [];
  const bearers: string[] = [];
  /** Access and refresh tokens the broker handed to the extension. */
  const issued: string[] = [];

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    worker = browser.context.serviceWorkers()[0]!;
    mkdirSync(RESULTS, { recursive: true });
    const broker = createTokenBroker({
      ...SANDBOX_OAUTH_CLIENT,
      allowedOrigins: [`chrome-extension://${browser.extensionId}`],
      fetch: createSandboxFetch(browser.ghl),
    });
    await browser.context.route(`${BROKER}/**`, async (route) => {
      brokered.push(new URLSearchParams(route.request().postData() ?? '').get('grant_type') ?? '?');
      const answer = JSON.parse(await fulfilFrom(broker, route)) as Record<string, unknown>;
      for (const key of ['access_token', 'refresh_token']) {
        if (typeof answer[key] === 'string') issued.push(answer[key]);
      }
    });
    await browser.context.route(
      'https://services.leadconnectorhq.com/contacts/**',
      (route: Route) => {
        const bearer = route
          .request()
          .headers()
          .authorization?.replace(/^Bearer /, '');
        if (bearer) bearers.push(bearer);
        return route.fallback();
      },
    );
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    // A test that failed before it opened the popup has nothing to reset.
    if (popup && !popup.isClosed()) {
      await resetConnection(popup);
      await popup.close();
    }
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  async function setUpApp(exchange: 'broker' | 'secret') {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Client id').fill(SANDBOX_OAUTH_CLIENT.clientId);
    if (exchange === 'broker') {
      await options.getByLabel(/Through a token broker/).check();
      await options.getByLabel('Token broker URL').fill(BROKER);
    } else {
      await options.getByLabel(/Directly with GHL/).check();
      await expect
        .poll(() =>
          options
            .getByRole('region', { name: /OAuth app/ })
            .getByRole('note')
            .textContent(),
        )
        .toContain('is not secret');
      await options
        .getByLabel('Client secret', { exact: true })
        .fill(SANDBOX_OAUTH_CLIENT.clientSecret);
    }
    await options
      .getByRole('region', { name: /OAuth app/ })
      .getByRole('button', { name: 'Save', exact: true })
      .click();
    await expect
      .poll(() =>
        options
          .getByRole('region', { name: /OAuth app/ })
          .getByRole('status')
          .textContent(),
      )
      .toContain('Saved');
    await options.screenshot({ path: `${RESULTS}/chromium-options-oauth-${exchange}.png` });
    await options.close();
  }

  /** Clicks "Sign in with GHL" and chooses the Sandbox location in GHL's window. */
  async function signIn(options: { readOnly?: boolean; label?: RegExp } = {}) {
    if (options.readOnly) await popup.getByLabel(/Read-only/).check();
    await popup.getByRole('button', { name: options.label ?? /Sign in with GHL/ }).click();
    const authorization = await browser.marketplace.authorizationPage();
    await authorization.getByRole('link', { name: SANDBOX_LOCATION.name }).click();
  }

  /** Requests for the location's names (users, custom fields) GHL answered so far. */
  const namesRead = () =>
    (browser.ghl.state.counters.byEndpoint['GET /users/'] ?? 0) +
    (browser.ghl.state.counters.byEndpoint['GET /locations/:locationId/customFields'] ?? 0);

  const accessRow = () => popup.locator('.facts__row', { hasText: 'Access' }).locator('dd');

  it('connects with the client secret, then works', async () => {
    await setUpApp('secret');
    popup = await openPopup(browser);
    await signIn();
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    expect(await connectionCard(popup).textContent()).toContain('OAuth (Marketplace app)');
    expect(await accessRow().textContent()).toContain('contacts.readonly, contacts.write');
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect
      .poll(() => connectionCard(popup).getByRole('status').textContent())
      .toContain('connection works');
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-oauth.png` });
  });

  it('asks for read-only access when the person picks it, and shows the connection as read-only', async () => {
    await setUpApp('secret');
    popup = await openPopup(browser);
    await signIn({ readOnly: true });
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    expect(await accessRow().textContent()).toContain('contacts.readonly');
    expect(await accessRow().textContent()).toContain('Read-only');
    expect(await accessRow().textContent()).not.toContain('contacts.write');
  });

  it('goes through the token broker, refreshes through it, and survives revocation by reconnecting', async () => {
    await setUpApp('broker');
    // Short-lived access tokens, so the next call needs a refresh.
    await sandboxControl(browser.ghl, 'settings', { tokenTtlSeconds: 2 });
    brokered.length = 0;
    popup = await openPopup(browser);
    const namesBefore = namesRead();
    await signIn();
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    expect(brokered[0]).toBe('authorization_code');
    // The popup's first look after connecting reads the location's names (2 requests); with
    // 2-second tokens those may already need a refresh: only the check's own is counted below.
    await expect.poll(() => namesRead() - namesBefore).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    brokered.length = 0;
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect
      .poll(() => connectionCard(popup).getByRole('status').textContent())
      .toContain('connection works');
    expect(brokered).toEqual(['refresh_token']);
    await sandboxControl(browser.ghl, 'settings', { tokenTtlSeconds: 86_399 });

    // GHL revokes the grant (app uninstalled): the refresh is refused, the person is told once.
    await sandboxControl(browser.ghl, 'tokens/revoke', { token: bearers.at(-1) });
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Reconnect needed');
    await expect
      .poll(() => toolbarState(worker))
      .toEqual({
        badge: '!',
        notifications: ['ghl-reconnect-needed'],
      });

    const namesAgain = namesRead();
    await signIn({ label: /Connect again/ });
    await expect.poll(() => connectionTitle(popup).textContent()).toBe('Connected');
    // A new connection reads the names again; the check below is then the only call.
    await expect.poll(() => namesRead() - namesAgain).toBe(2);
    await expect.poll(() => toolbarState(worker)).toEqual({ badge: '', notifications: [] });
    const before = bearers.length;
    await popup.getByRole('button', { name: 'Check connection' }).click();
    await expect
      .poll(() => connectionCard(popup).getByRole('status').textContent())
      .toContain('connection works');
    expect(bearers.length).toBe(before + 1);
    expect(bearers.at(-1)).not.toBe(bearers[before - 1]);

    // None of the OAuth tokens is within reach of the content script on Trint.
    expect(issued.length).toBeGreaterThanOrEqual(6);
    const trint = await browser.context.newPage();
    await trint.goto('https://app.trint.com/editor/tr-alpha');
    await trint.getByRole('complementary', { name: 'GHL for Trint' }).waitFor();
    const seen = await evaluateInContentScript<string>(
      trint,
      'GHL for Trint',
      READ_EVERY_STORAGE_AREA,
    );
    expect(seen).toContain(SANDBOX_LOCATION.id);
    for (const token of issued) expect(seen).not.toContain(token);
    await trint.close();
  });

  it('says so when the person cancels in GHL, and saves nothing', async () => {
    await setUpApp('secret');
    popup = await openPopup(browser);
    await popup.getByRole('button', { name: /Sign in with GHL/ }).click();
    const authorization = await browser.marketplace.authorizationPage();
    await authorization.getByRole('link', { name: /Cancel/ }).click();
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      .toContain('Access was not granted');
    expect(await connectionTitle(popup).textContent()).toBe('Not connected');
    // A real toolbar popup closes when GHL's window opens: the reason waits for the next opening.
    await popup.close();
    popup = await openPopup(browser);
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      .toContain('Access was not granted');
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
  });

  it('refuses a token broker URL that is not HTTPS', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Client id').fill(SANDBOX_OAUTH_CLIENT.clientId);
    await options.getByLabel(/Through a token broker/).check();
    await options.getByLabel('Token broker URL').fill('http://example.com');
    await options
      .getByRole('region', { name: /OAuth app/ })
      .getByRole('button', { name: 'Save', exact: true })
      .click();
    const form = options.getByRole('region', { name: /OAuth app/ });
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('https://');
    await options.close();
    popup = await openPopup(browser);
    expect(await connectionTitle(popup).textContent()).toBe('Not connected');
  });

  it('explains a broker that does not allow this extension, and saves nothing', async () => {
    const strictBroker = createTokenBroker({
      ...SANDBOX_OAUTH_CLIENT,
      allowedOrigins: ['chrome-extension://another-extension-id'],
      fetch: createSandboxFetch(browser.ghl),
    });
    await browser.context.route(`${STRICT_BROKER}/**`, (route) => fulfilFrom(strictBroker, route));
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Client id').fill(SANDBOX_OAUTH_CLIENT.clientId);
    await options.getByLabel(/Through a token broker/).check();
    await options.getByLabel('Token broker URL').fill(STRICT_BROKER);
    await options
      .getByRole('region', { name: /OAuth app/ })
      .getByRole('button', { name: 'Save', exact: true })
      .click();
    await expect
      .poll(() =>
        options
          .getByRole('region', { name: /OAuth app/ })
          .getByRole('status')
          .textContent(),
      )
      .toContain('Saved');
    await options.close();
    popup = await openPopup(browser);
    await signIn();
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      // Through a real browser's CORS check the refusal may look like an unreachable broker; the
      // message names both.
      .toMatch(/token broker.*refused this extension/);
    expect(await connectionTitle(popup).textContent()).toBe('Not connected');
  });
});
