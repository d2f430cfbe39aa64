import { systemClock } from '../clock';
import { createSandboxFetch } from './sandbox-fetch';
import { createSandbox, type Sandbox } from './sandbox-handler';

/**
 * The Sandbox GHL that Sandbox mode talks to, running inside the background: no server, no
 * account. Created on first use with the seeded data; `reset` starts it over.
 */
export function createExtensionSandbox() {
  let sandbox: Sandbox | undefined;
  return {
    fetch: ((input, init) => {
      sandbox ??= createSandbox({ clock: systemClock });
      return createSandboxFetch(sandbox)(input, init);
    }) as typeof fetch,
    reset() {
      sandbox = undefined;
    },
  };
}
