import { systemClock } from '../clock';
import { createSandboxFetch } from './sandbox-fetch';
import { createSandbox } from './sandbox-handler';

/**
 * The Sandbox GHL that Sandbox mode talks to, running inside the background: no server, no
 * account. Created on first use with the seeded data; `reset` starts it over.
 */
export function createExtensionSandbox() {
  let sandboxFetch: typeof fetch | undefined;
  return {
    fetch: ((input, init) => {
      sandboxFetch ??= createSandboxFetch(createSandbox({ clock: systemClock }));
      return sandboxFetch(input, init);
    }) as typeof fetch,
    reset() {
      sandboxFetch = undefined;
    },
  };
}
