import { SandboxConnectionDropped } from './faults';
import type { Sandbox } from './sandbox-handler';

/**
 * A `fetch` answered by a Sandbox in this process: what the GHL client uses in Sandbox mode and
 * in fast tests. Like a real fetch it gives up when its signal aborts (even in the middle of
 * injected latency), and an injected dropped connection becomes the TypeError a real fetch throws.
 */
export function createSandboxFetch(sandbox: Sandbox): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    const done = new AbortController();
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { signal: done.signal });
    });
    try {
      return await Promise.race([sandbox.handle(request), aborted]);
    } catch (error) {
      if (error instanceof SandboxConnectionDropped) {
        throw new TypeError('Failed to fetch', { cause: error });
      }
      throw error;
    } finally {
      done.abort(); // removes the abort listener
    }
  };
}
