import type { Page } from 'playwright-core';

/** One service worker version as CDP's ServiceWorker domain reports it. */
interface WorkerVersion {
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker as Chrome does when it idles or is short of memory: its
 * timers, fetches in flight and memory are gone, and the next event (a runtime message, an alarm)
 * starts it afresh. Sent through a CDP session of one of the extension's own pages (Chromium only;
 * seen to work with Chromium 156). Resolves once Chromium reports the worker stopped.
 */
export async function stopServiceWorker(page: Page, timeoutMs = 5_000): Promise<void> {
  // (Node gives chrome-extension: URLs an opaque origin, so the prefix is built by hand.)
  const origin = `chrome-extension://${new URL(page.url()).host}/`;
  const cdp = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The service worker did not stop within ${timeoutMs} ms`)),
        timeoutMs,
      );
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = (versions as WorkerVersion[]).filter((v) => v.scriptURL.startsWith(origin));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
  }
}
