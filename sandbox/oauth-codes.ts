import type { Clock } from '../utils/clock';

/** An authorization code waiting to be exchanged. */
interface CodeRecord {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  locationId: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
  /** The token family the exchange started, so a replayed code can revoke it. */
  familyId?: string;
}

/** Why a code could not be exchanged. */
export type CodeFailure = 'invalid' | 'expired' | 'reused' | 'redirect-mismatch' | 'pkce-failed';

/**
 * Authorization codes of the Sandbox's OAuth page: single use, ten minutes, bound to the client
 * and redirect URI, and to a PKCE challenge (S256) when one was sent.
 */
export function createOAuthCodes(clock: Clock) {
  const codes = new Map<string, CodeRecord>();
  return {
    issue(record: Omit<CodeRecord, 'expiresAt' | 'used'>): string {
      const code = `sbx-code-${crypto.randomUUID()}`;
      codes.set(code, { ...record, expiresAt: clock.now() + 10 * 60_000, used: false });
      return code;
    },
    async redeem(
      code: string,
      request: { clientId: string; redirectUri?: string; codeVerifier?: string },
    ): Promise<CodeRecord | CodeFailure> {
      const record = codes.get(code);
      if (!record || record.clientId !== request.clientId) return 'invalid';
      if (record.used) return 'reused';
      if (clock.now() >= record.expiresAt) return 'expired';
      if (request.redirectUri !== undefined && request.redirectUri !== record.redirectUri) {
        return 'redirect-mismatch';
      }
      if (
        record.codeChallenge &&
        (await s256(request.codeVerifier ?? '')) !== record.codeChallenge
      ) {
        return 'pkce-failed';
      }
      record.used = true;
      return record;
    },
    /** The record of a code, used or not (to revoke what a replayed code started). */
    peek: (code: string) => codes.get(code),
  };
}

/** base64url(SHA-256(verifier)), the PKCE S256 transform (RFC 7636 §4.2). */
async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
