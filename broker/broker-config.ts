import { originProblem, splitOrigins } from './allowed-origins';
import { redirectUriProblem } from './redirect-uris';
import type { TokenBrokerOptions } from './token-broker';

/** Where the broker listens and what it forwards, read from the environment. */
export interface BrokerConfig {
  broker: TokenBrokerOptions;
  port: number;
  host: string;
  /** BROKER_TRUST_PROXY=1: the client address is X-Forwarded-For's last hop (http-server.ts). */
  trustProxy: boolean;
}

/** The config, or every problem with the environment at once (so one restart fixes them all). */
export type BrokerConfigResult =
  { ok: true; config: BrokerConfig } | { ok: false; errors: string[] };

/**
 * Reads BROKER_CLIENT_ID, BROKER_CLIENT_SECRET, BROKER_ALLOWED_ORIGINS (comma-separated), PORT
 * (default 8787), HOST (default 127.0.0.1, behind a reverse proxy), GHL_TOKEN_URL (default
 * GHL's), BROKER_REDIRECT_URIS (comma-separated, besides each Chrome origin's own) and
 * BROKER_TRUST_PROXY (1 behind a reverse proxy that sets X-Forwarded-For). Error messages name variables, never print their values: one of them is the secret.
 */
export function brokerConfigFromEnv(env: Record<string, string | undefined>): BrokerConfigResult {
  const errors: string[] = [];
  const clientId = env.BROKER_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.BROKER_CLIENT_SECRET?.trim() ?? '';
  if (!clientId) errors.push('BROKER_CLIENT_ID is required: the app client id from GHL');
  if (!clientSecret) errors.push('BROKER_CLIENT_SECRET is required: the app client secret');

  const allowedOrigins = splitOrigins(env.BROKER_ALLOWED_ORIGINS ?? '');
  if (allowedOrigins.length === 0) {
    errors.push(
      'BROKER_ALLOWED_ORIGINS is required: comma-separated extension origins, e.g. chrome-extension://<id>',
    );
  }
  for (const origin of allowedOrigins) {
    const problem = originProblem(origin);
    if (problem) errors.push(`BROKER_ALLOWED_ORIGINS: ${problem}`);
  }

  // Firefox's redirect URL cannot be derived from its origin (redirect-uris.ts).
  const redirectUris = splitOrigins(env.BROKER_REDIRECT_URIS ?? '');
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) errors.push(`BROKER_REDIRECT_URIS: ${problem}`);
  }

  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    errors.push('PORT must be a whole number from 0 to 65535');
  }
  const tokenUrl = env.GHL_TOKEN_URL || undefined;
  if (tokenUrl !== undefined && !isSafeTokenUrl(tokenUrl)) {
    errors.push('GHL_TOKEN_URL must be an https URL (or http on 127.0.0.1 for a local Sandbox)');
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      broker: { clientId, clientSecret, allowedOrigins, tokenUrl, redirectUris },
      port,
      host: env.HOST || '127.0.0.1',
      trustProxy: env.BROKER_TRUST_PROXY === '1',
    },
  };
}

/** The secret travels in the forwarded body, so only TLS or the loopback interface will do. */
function isSafeTokenUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
