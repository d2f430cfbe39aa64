import { appendFileSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { systemClock } from '../../../utils/clock';
import { GHL_API_BASE } from '../../../utils/ghl/api-constants';
import { SandboxConnectionDropped } from '../../../sandbox/faults';
import { createSandbox, type Sandbox } from '../../../sandbox/sandbox-handler';

const GHL_ORIGIN = new URL(GHL_API_BASE).origin;

/** Whether a request goes to GHL's API host. */
export function isGhlUrl(url: URL): boolean {
  return url.origin === GHL_ORIGIN;
}

/**
 * A Sandbox GHL that answers the browser's requests to https://services.leadconnectorhq.com, in
 * this process. Its traffic goes to GHL_SANDBOX_LOG when set, so `npm test` checks what the
 * extension sent against GHL's OpenAPI files.
 */
export function createGhlSandboxRoute(): { sandbox: Sandbox; fulfil(route: Route): Promise<void> } {
  const logFile = process.env.GHL_SANDBOX_LOG;
  const sandbox = createSandbox({
    clock: systemClock,
    onTraffic: (entry) => {
      if (logFile) appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
    },
  });
  return {
    sandbox,
    async fulfil(route) {
      const request = route.request();
      const body = request.postDataBuffer();
      let response: Response;
      try {
        response = await sandbox.handle(
          new Request(request.url(), {
            method: request.method(),
            headers: await request.allHeaders(),
            body: body && request.method() !== 'GET' ? new Uint8Array(body) : undefined,
          }),
        );
      } catch (error) {
        if (error instanceof SandboxConnectionDropped) return route.abort('connectionreset');
        // Fail the browser's request at once (not after its timeout), and the test with it.
        await route.abort('failed');
        throw error;
      }
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    },
  };
}
