import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../utils/clock';
import { SandboxConnectionDropped } from '../sandbox/faults';
import { createSandbox, type CreateSandboxOptions, type Sandbox } from '../sandbox/sandbox-handler';

/** Options of {@link startSandboxServer}. */
export interface SandboxServerOptions extends Partial<CreateSandboxOptions> {
  /** 0 picks a free port. */
  port?: number;
  /** Append one JSON line per GHL request to this file (GHL_SANDBOX_LOG). */
  logFile?: string;
}

/** A running Sandbox on 127.0.0.1. */
export interface SandboxServer {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/**
 * Serves the Sandbox's request handler over HTTP on 127.0.0.1, so it can be curled, driven by
 * tests over real sockets, or routed to from a browser. An injected dropped connection destroys
 * the socket without an answer, as a failing network would.
 */
export async function startSandboxServer(
  options: SandboxServerOptions = {},
): Promise<SandboxServer> {
  const { port = 0, logFile, ...sandboxOptions } = options;
  const sandbox = createSandbox({
    clock: systemClock,
    ...sandboxOptions,
    onTraffic: (entry) => {
      if (logFile) appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
      sandboxOptions.onTraffic?.(entry);
    },
  });
  const server = createServer((req, res) => {
    serve(sandbox, req, res).catch((error: unknown) => {
      if (error instanceof SandboxConnectionDropped) return req.socket.destroy();
      console.error('Sandbox error:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 500, message: 'Sandbox error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    sandbox,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Whether a Host header names this machine's loopback interface (any port). A page on another
 * site that rebinds its own name to 127.0.0.1 reaches the server with its own name as Host:
 * refused, so it cannot drive the control API (DNS rebinding).
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host);
}

async function serve(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse) {
  if (req.url?.startsWith('/__sandbox') && !isLoopbackHost(req.headers.host)) {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ statusCode: 403, message: 'The control API answers on 127.0.0.1 only' }),
    );
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
  const response = await sandbox.handle(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
