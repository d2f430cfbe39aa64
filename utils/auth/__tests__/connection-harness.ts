import { createTokenBroker } from '../../../broker/token-broker';
import { createFakeClock } from '../../../test/support/fake-clock';
import { GHL_API_BASE } from '../../ghl/api-constants';
import { createRateLimiter, type RateLimiter } from '../../ghl/rate-limiter';
import type { RequestAttempt } from '../../ghl/send-once';
import { createSandboxFetch } from '../../../sandbox/sandbox-fetch';
import {
  OTHER_LOCATION,
  SANDBOX_LOCATION,
  SANDBOX_OAUTH_CLIENT,
} from '../../../sandbox/sandbox-fixtures';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { sandboxGhlOf } from '../../../sandbox/sandbox-ghl';
import type { OAuthApp } from '../connection-records';
import { createConnectionService } from '../connection-service';
import type { ConnectionStatus } from '../connection-status';
import { createCredentialStore } from '../credential-store';
import { sandboxControl } from '../../../test/support/sandbox-control';

/** The extension's identity in these tests: its origin and the redirect URI Chrome gives it. */
export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const BROKER_URL = 'https://broker.example.com';

/** OAuth app setups: the Sandbox's Marketplace app, with the secret here or at the broker. */
export const SECRET_APP: OAuthApp = {
  clientId: SANDBOX_OAUTH_CLIENT.clientId,
  exchange: 'secret',
  clientSecret: SANDBOX_OAUTH_CLIENT.clientSecret,
};
export const BROKER_APP: OAuthApp = {
  clientId: SANDBOX_OAUTH_CLIENT.clientId,
  exchange: 'broker',
  brokerUrl: BROKER_URL,
};

/** What the fake authorization window does: pick a location like a person, or fail. */
export interface Authorization {
  location: 'sandbox' | 'other' | 'cancel';
  /** Replaces the `state` of the redirect, as a forged answer would. */
  forgeState?: string;
  /** The window fails with this (closed by the person, page not loaded). */
  fail?: Error;
}

/** A request that reached the network: GHL (the Sandbox) or the broker. */
export interface SeenRequest {
  method: string;
  url: URL;
  authorization: string | null;
  body: string;
}

let dbCount = 0;

/**
 * A connection service as the background builds it, on a fake clock, with a credential store on
 * fake-indexeddb (a fresh database each time), the in-process Sandbox GHL as the network, a token
 * broker in front of it at {@link BROKER_URL}, a second Sandbox for Sandbox mode, and recording
 * fakes for what the background does with the browser (publish, notify, wipe the cache).
 */
export function connectionUnderTest(
  options: { tokenTtlSeconds?: number; brokerAllowedOrigins?: string[] } = {},
) {
  const fake = createFakeClock();
  const sandbox = createSandbox({ clock: fake.clock, tokenTtlSeconds: options.tokenTtlSeconds });
  const sandboxMode = createSandbox({ clock: fake.clock });
  const store = createCredentialStore(`connection-test-${(dbCount += 1)}`);
  const sandboxFetch = createSandboxFetch(sandbox);
  const broker = createTokenBroker({
    clientId: SANDBOX_OAUTH_CLIENT.clientId,
    clientSecret: SANDBOX_OAUTH_CLIENT.clientSecret,
    allowedOrigins: options.brokerAllowedOrigins ?? [EXTENSION_ORIGIN],
    tokenUrl: `${GHL_API_BASE}/oauth/token`,
    fetch: sandboxFetch,
  });

  const seen: SeenRequest[] = [];
  /** What the service reported to its audit hook. */
  const audited: RequestAttempt[] = [];
  const published: ConnectionStatus[] = [];
  const notified: string[] = [];
  const authorizeUrls: string[] = [];
  const calls = { wipeCache: 0 };
  const hooks: {
    /** Runs when a request reaches the network, before it is answered. */
    beforeSend?: (request: SeenRequest) => Promise<void> | void;
    /** Makes notifyReconnectNeeded fail, as when the notifications API refuses. */
    notifyFails?: boolean;
    /** Makes showing the notification take this long on the fake clock. */
    notifyDelayMs?: number;
  } = {};
  const authorization: Authorization = { location: 'sandbox' };

  /** The network as the background's fetch sees it. Browsers add Origin to a cross-origin POST. */
  const network: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'GET' ? '' : await request.text();
    const url = new URL(request.url);
    const entry = {
      method: request.method,
      url,
      authorization: request.headers.get('authorization'),
      body,
    };
    seen.push(entry);
    await hooks.beforeSend?.(entry);
    const headers = new Headers(request.headers);
    const forwarded = () =>
      new Request(url, { method: request.method, headers, body: body || undefined });
    if (url.origin === BROKER_URL) {
      headers.set('origin', EXTENSION_ORIGIN);
      return broker.handle(forwarded());
    }
    if (url.origin !== GHL_API_BASE) throw new TypeError('Failed to fetch');
    return sandboxFetch(forwarded());
  };

  /**
   * identity.launchWebAuthFlow: opens GHL's authorization page (the Sandbox's), follows the link
   * a person would click, and resolves with where it redirected.
   */
  async function authorize(url: string): Promise<string> {
    authorizeUrls.push(url);
    if (authorization.fail) throw authorization.fail;
    const page = await sandbox.handle(new Request(url));
    if (page.status !== 200) throw new Error('Authorization page could not be loaded.');
    const html = await page.text();
    const name = {
      sandbox: SANDBOX_LOCATION.name,
      other: OTHER_LOCATION.name,
      cancel: 'Cancel',
    }[authorization.location];
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, text]) => ({
      href: unescapeHtml(href!),
      text: unescapeHtml(text!),
    }));
    const link = links.find((l) => l.text === name);
    if (!link) throw new Error(`No link "${name}" on the authorization page`);
    const approved = await sandbox.handle(new Request(new URL(link.href, url)));
    const back = new URL(approved.headers.get('location')!);
    if (authorization.forgeState !== undefined) {
      back.searchParams.set('state', authorization.forgeState);
    }
    return back.href;
  }

  /** A connection service over the shared store and network: one per extension context. */
  const makeService = () => {
    const limiters = new Map<string, RateLimiter>();
    return createConnectionService({
      store,
      clock: fake.clock,
      fetchFor: (kind) => (kind === 'sandbox' ? createSandboxFetch(sandboxMode) : network),
      sandbox: async () => sandboxGhlOf(sandboxMode),
      limiterFor(locationId) {
        let limiter = limiters.get(locationId);
        if (!limiter)
          limiters.set(locationId, (limiter = createRateLimiter({ clock: fake.clock })));
        return limiter;
      },
      authorize,
      redirectUri: () => REDIRECT_URI,
      publish: async (status) => {
        published.push(status);
      },
      notifyReconnectNeeded: async (reason) => {
        if (hooks.notifyDelayMs) await fake.clock.sleep(hooks.notifyDelayMs);
        if (hooks.notifyFails) throw new Error('notifications: permission denied');
        notified.push(reason);
      },
      wipeCache: async () => {
        calls.wipeCache += 1;
      },
      audit: (attempt) => void audited.push(attempt),
    });
  };
  const service = makeService();

  /** The Sandbox's control API, as a person working in GHL would use it. */
  const control = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    sandboxControl<T>(sandbox, path, body, method);

  return {
    fake,
    sandbox,
    sandboxMode,
    store,
    service,
    /** Another context (a second service on the same credential store), as a popup would be. */
    anotherContext: makeService,
    seen,
    audited,
    published,
    notified,
    authorizeUrls,
    calls,
    hooks,
    authorization,
    control,
    /** Requests the Sandbox GHL answered (control calls and the authorization page excluded). */
    requests: () => sandbox.state.counters.total,
    tokenRequests: () => sandbox.state.counters.byEndpoint['POST /oauth/token'] ?? 0,
    /** Mints a Private Integration token through the control API. */
    async mint(body: { locationId?: string; scopes?: string[] } = {}) {
      return (await control('POST', 'tokens', body)).token as string;
    },
    /** Revokes a token (or the OAuth family it belongs to) through the control API. */
    async revoke(token: string) {
      await control('POST', 'tokens/revoke', { token });
    },
    /** Runs `promise` on the fake clock until it settles. */
    run: <T>(promise: Promise<T>) => fake.run(promise),
  };
}

/** See {@link connectionUnderTest}. */
export type ConnectionUnderTest = ReturnType<typeof connectionUnderTest>;

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
