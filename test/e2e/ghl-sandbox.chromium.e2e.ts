import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';

// The extension's background reaches "GHL" and gets the Sandbox: the plumbing every later
// end-to-end test of connecting, syncing and the panel stands on. Its traffic is logged and
// checked against the OpenAPI files by `npm test`.
describe('Chromium: GHL requests from the extension reach the Sandbox', () => {
  let browser: ExtensionChromium;
  let worker: Worker;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    worker = browser.context.serviceWorkers()[0]!;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("answers the background's GHL calls, with GHL's headers and rate-limit headers", async () => {
    const before = browser.ghl.state.counters.byToken['pit:readwrite'] ?? 0;
    const answer = await worker.evaluate(async (token) => {
      const response = await fetch(
        'https://services.leadconnectorhq.com/contacts/sbxContSamLee0000001',
        {
          headers: {
            Version: '2021-07-28',
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
          },
        },
      );
      return {
        status: response.status,
        remaining: response.headers.get('x-ratelimit-remaining'),
        body: await response.json(),
      };
    }, SANDBOX_TOKENS.readWrite);
    expect(answer).toMatchObject({
      status: 200,
      remaining: expect.stringMatching(/^\d+$/),
      body: { contact: { id: 'sbxContSamLee0000001', firstName: 'Sam' } },
    });
    expect(browser.ghl.state.counters.byToken['pit:readwrite']).toBe(before + 1);
    expect(browser.unrouted).toEqual([]);
  });
});
