import { SandboxConnectionDropped } from './faults';
import type { Sandbox } from './sandbox-handler';

/**
 * A `fetch` answered by a Sandbox in this process: what the GHL client uses in Sandbox mode and
 * in fast tests. An injected dropped connection becomes the TypeError a real fetch throws.
 */
export function createSandboxFetch(sandbox: Sandbox): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason;
    try {
      return await sandbox.handle(request);
    } catch (error) {
      if (error instanceof SandboxConnectionDropped) {
        throw new TypeError('Failed to fetch', { cause: error });
      }
      throw error;
    }
  };
}
