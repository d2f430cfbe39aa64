import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { GHL_AUTHORIZE_URL } from '../../../utils/ghl/api-constants';
import type { Sandbox } from '../../../sandbox/sandbox-handler';
import { selfSignedCertificate } from './self-signed-certificate';

const AUTHORIZE = new URL(GHL_AUTHORIZE_URL);
/** GHL's authorization host, where launchWebAuthFlow's window opens. */
export const MARKETPLACE_HOST = AUTHORIZE.hostname;

/** Options of {@link startMarketplaceServer}. */
export interface MarketplaceServerOptions {
  /** The Sandbox whose authorization page answers, and whose codes POST /oauth/token redeems. */
  sandbox: Sandbox;
  /** Called with each request the authorization page does not serve (it gets a 404). */
  onUnserved?: (href: string) => void;
}

/** GHL's authorization host, served over HTTPS on 127.0.0.1. */
export interface MarketplaceServer {
  port: number;
  /** Its certificate's public-key hash, for `--ignore-certificate-errors-spki-list`. */
  spkiSha256: string;
  /** Every request it answered, as `METHOD https://marketplace.gohighlevel.com/path?query`. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Stands in for https://marketplace.gohighlevel.com for a browser whose host resolver maps that
 * name to this server. Playwright's routing cannot do this alone: the window launchWebAuthFlow
 * opens loads its first page before Playwright attaches to it, so that request goes to the
 * network. Only the authorization page is passed to the Sandbox: anything else on this host
 * would reach its GHL API routes and be logged as GHL traffic the extension never sent.
 */
export async function startMarketplaceServer({
  sandbox,
  onUnserved,
}: MarketplaceServerOptions): Promise<MarketplaceServer> {
  const { key, cert, spkiSha256 } = selfSignedCertificate(MARKETPLACE_HOST);
  const requests: string[] = [];
  const server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', AUTHORIZE.origin);
    requests.push(`${req.method} ${url.href}`);
    answer(req, url, res).catch((error: unknown) => {
      console.error('Marketplace server error:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Marketplace server error');
    });
  });
  async function answer(req: IncomingMessage, url: URL, res: ServerResponse) {
    if (req.method !== 'GET' || !url.pathname.startsWith(AUTHORIZE.pathname)) {
      onUnserved?.(url.href);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not served by the test');
      return;
    }
    const response = await sandbox.handle(new Request(url, { method: 'GET' }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    spkiSha256,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
