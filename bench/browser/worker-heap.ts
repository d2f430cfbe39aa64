// The extension service worker's JavaScript heap, read over the DevTools protocol.
import type { Page } from 'playwright-core';

/** V8's heap of one JavaScript context, as Runtime.getHeapUsage reports it (bytes). */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/**
 * Collects garbage in the extension's service worker (unless `collectGarbage` is false: a sample
 * of the heap as it is, garbage included), then reads its heap. Playwright opens CDP
 * sessions on pages only, so this attaches to the worker's target through a session of
 * `extensionPage` and talks to it with Target.sendMessageToTarget (the unflattened protocol;
 * seen to work with Chromium 156). The worker must be running.
 */
export async function serviceWorkerHeap(
  extensionPage: Page,
  { collectGarbage = true } = {},
): Promise<HeapUsage> {
  const origin = `chrome-extension://${new URL(extensionPage.url()).host}/`;
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
    if (!worker) throw new Error('The extension has no running service worker to measure');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    const answers = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) answers.get(message.id)?.(message);
    });
    let lastId = 0;
    const send = async <T>(method: string): Promise<T> => {
      const id = ++lastId;
      const answer = new Promise<{ result?: unknown; error?: unknown }>((resolve) =>
        answers.set(id, resolve),
      );
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
      const { result, error } = await answer;
      if (error) throw new Error(`${method} in the service worker: ${JSON.stringify(error)}`);
      return result as T;
    };
    if (collectGarbage) await send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await send<HeapUsage>('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId });
    return { usedSize, totalSize };
  } finally {
    await cdp.detach();
  }
}
