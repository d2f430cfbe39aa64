import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from './capped-body';
import { createTokenBroker, type TokenBroker, type TokenBrokerOptions } from './token-broker';

/** Options of {@link startBrokerServer}. */
export interface BrokerServerOptions {
  broker: TokenBrokerOptions;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Gets one line per request: method, path and status, nothing from headers or body. */
  log?: (line: string) => void;
  /**
   * Behind a reverse proxy every connection comes from the proxy: then the client's address is
   * the last one the proxy appended to X-Forwarded-For (earlier ones are the client's to forge).
   */
  trustProxy?: boolean;
}

/** A running broker. */
export interface BrokerServer {
  url: string;
  close(): Promise<void>;
}

/** Headers node:http handles itself; copying them would describe a body the Request lacks. */
const HOP_BY_HOP = new Set([
  'connection',
  'content-length',
  'host',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * Serves a token broker over plain HTTP, meant to sit behind a reverse proxy that terminates
 * HTTPS (see broker/README.md).
 */
export async function startBrokerServer(options: BrokerServerOptions): Promise<BrokerServer> {
  const broker = createTokenBroker(options.broker);
  const server = createServer((req, res) => {
    serve(broker, req, res, clientIp(req, options.trustProxy === true))
      .then((status) => options.log?.(`${req.method} ${pathOf(req)} ${status}`))
      .catch((error: unknown) => {
        // Only the error's name: its message or cause could quote the request.
        console.error('Token broker error:', error instanceof Error ? error.name : typeof error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 500, message: 'Token broker error' }));
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The address the per-IP rate limit counts (see {@link BrokerServerOptions.trustProxy}). */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress;
}

async function serve(
  broker: TokenBroker,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string | undefined,
) {
  const { body, overflowed } = await readUpTo(req, MAX_BODY_BYTES + 1);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (HOP_BY_HOP.has(name) || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const response = await broker.handle(
    new Request(new URL(pathOf(req), 'http://broker.invalid'), {
      method: req.method,
      headers,
      body: hasBody ? Uint8Array.from(body) : undefined,
    }),
    { ip },
  );
  // The rest of an oversized body is never read: close the connection instead of draining it.
  if (overflowed) res.setHeader('Connection', 'close');
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
  return response.status;
}

/** At most `limit` bytes of the body; past that the request is paused, not buffered. */
function readUpTo(req: IncomingMessage, limit: number) {
  return new Promise<{ body: Buffer; overflowed: boolean }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (overflowed: boolean) => {
      req.off('data', onData);
      resolve({ body: Buffer.concat(chunks).subarray(0, limit), overflowed });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= limit) {
        req.pause();
        done(true);
      }
    };
    req.on('data', onData);
    req.once('end', () => done(false));
    req.once('error', reject);
  });
}

/** The path alone: a query string could carry a code, and is never logged or routed on. */
function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://broker.invalid').pathname;
}
