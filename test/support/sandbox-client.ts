import type { Clock } from '../../utils/clock';
import { createGhlClient } from '../../utils/ghl/ghl-client';
import type { GhlRequestDeps } from '../../utils/ghl/ghl-request';
import { createRateLimiter, type RateLimiterOptions } from '../../utils/ghl/rate-limiter';
import { SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import type { Sandbox } from '../../sandbox/sandbox-handler';

/** Options of {@link sandboxClient}: anything the client takes, plus limiter tuning. */
export interface SandboxClientOptions extends Partial<GhlRequestDeps> {
  clock: Clock;
  token?: string;
  limiterOptions?: Partial<RateLimiterOptions>;
}

/**
 * A GHL client wired to a Sandbox in this process (no sockets), on the given clock, with a
 * fixed-token provider. Jitter is fixed at the midpoint so delays are predictable.
 */
export function sandboxClient(sandbox: Sandbox, options: SandboxClientOptions) {
  const { clock, token = SANDBOX_TOKENS.readWrite, limiterOptions, ...deps } = options;
  const limiter = deps.limiter ?? createRateLimiter({ clock, ...limiterOptions });
  const client = createGhlClient({
    fetch: createSandboxFetch(sandbox),
    tokens: { getAccessToken: async () => token },
    random: () => 0.5,
    ...deps,
    clock,
    limiter,
  });
  return { client, limiter };
}
