import type { Clock } from '../utils/clock';
import {
  OPTIONAL_SCOPES,
  SCOPE_CONTACTS_READ,
  SCOPE_CONTACTS_WRITE,
} from '../utils/ghl/api-constants';
import {
  OTHER_LOCATION,
  SANDBOX_LOCATION,
  SANDBOX_TOKENS,
  SANDBOX_USERS,
} from './sandbox-fixtures';

/** What a bearer token grants. */
export interface AccessGrant {
  token: string;
  /** Safe name for counters and logs, e.g. "pit:readwrite" or "oauth:3". */
  label: string;
  locationId: string;
  companyId: string;
  userId: string;
  scopes: string[];
  /** Undefined for Private Integration tokens, which do not expire. */
  expiresAt?: number;
  /** OAuth grants: every token issued from one authorization shares a family. */
  familyId?: string;
}

/** Why a bearer token was refused. */
export type AuthFailure = 'missing' | 'invalid' | 'expired';

interface RefreshRecord {
  familyId: string;
  used: boolean;
  grant: Omit<AccessGrant, 'token' | 'expiresAt' | 'label'>;
}

/** What the read-write tokens grant: the contacts scopes and the optional ones for names. */
const ALL_SCOPES = [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE, ...OPTIONAL_SCOPES];

/**
 * The Sandbox's tokens: seeded Private Integration tokens, tokens minted by the control API, and
 * OAuth token families whose refresh tokens are single-use. Reusing a spent refresh token revokes
 * its whole family, as a careful OAuth server does (RFC 6819 §5.2.2.3).
 */
export function createSandboxAuth(clock: Clock) {
  const access = new Map<string, AccessGrant>();
  const refresh = new Map<string, RefreshRecord>();
  const revokedFamilies = new Set<string>();
  let counter = 0;

  const user = SANDBOX_USERS[0].id;
  const seed = (token: string, label: string, locationId: string, scopes: string[]) =>
    access.set(token, {
      token,
      label,
      locationId,
      companyId: SANDBOX_LOCATION.companyId,
      userId: user,
      scopes,
    });
  seed(SANDBOX_TOKENS.readWrite, 'pit:readwrite', SANDBOX_LOCATION.id, ALL_SCOPES);
  seed(SANDBOX_TOKENS.readOnly, 'pit:readonly', SANDBOX_LOCATION.id, [SCOPE_CONTACTS_READ]);
  seed(SANDBOX_TOKENS.otherLocation, 'pit:otherlocation', OTHER_LOCATION.id, ALL_SCOPES);

  function newToken(kind: string): string {
    counter += 1;
    return `sbx-${kind}-${counter}-${crypto.randomUUID()}`;
  }

  return {
    /** The grant behind an Authorization header, or why there is none. */
    authenticate(header: string | null): AccessGrant | AuthFailure {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!match) return 'missing';
      const grant = access.get(match[1]!);
      if (!grant || (grant.familyId && revokedFamilies.has(grant.familyId))) return 'invalid';
      if (grant.expiresAt !== undefined && clock.now() >= grant.expiresAt) return 'expired';
      return grant;
    },

    /** A new access token (control API); `ttlSeconds` omitted means it never expires. */
    mint(options: { locationId?: string; scopes?: string[]; ttlSeconds?: number; label?: string }) {
      const token = newToken('pit');
      access.set(token, {
        token,
        label: options.label ?? `minted:${counter}`,
        locationId: options.locationId ?? SANDBOX_LOCATION.id,
        companyId: SANDBOX_LOCATION.companyId,
        userId: user,
        scopes: options.scopes ?? ALL_SCOPES,
        expiresAt: options.ttlSeconds ? clock.now() + options.ttlSeconds * 1000 : undefined,
      });
      return token;
    },

    /** Revokes one access token, or with it the OAuth family it belongs to. */
    revoke(token: string): boolean {
      const grant = access.get(token);
      const record = refresh.get(token);
      const familyId = grant?.familyId ?? record?.familyId;
      if (familyId) revokedFamilies.add(familyId);
      return access.delete(token) || record !== undefined;
    },

    /** Starts an OAuth token family and issues its first pair. */
    issueFamily(grant: RefreshRecord['grant'], ttlSeconds: number) {
      counter += 1;
      return issuePair({ ...grant, familyId: `family-${counter}` }, ttlSeconds);
    },

    /**
     * Spends a refresh token for a new pair. A refresh token that was already spent revokes
     * the family and fails; so does one from a revoked family.
     */
    redeemRefreshToken(token: string, ttlSeconds: number) {
      const record = refresh.get(token);
      if (!record) return 'invalid' as const;
      if (record.used) {
        revokedFamilies.add(record.familyId);
        return 'reused' as const;
      }
      if (revokedFamilies.has(record.familyId)) return 'invalid' as const;
      record.used = true;
      return issuePair({ ...record.grant, familyId: record.familyId }, ttlSeconds);
    },

    /** Revokes a family by id (an authorization code used twice). */
    revokeFamily(familyId: string) {
      revokedFamilies.add(familyId);
    },
  };

  function issuePair(grant: RefreshRecord['grant'] & { familyId: string }, ttlSeconds: number) {
    const accessToken = newToken('at');
    const refreshToken = newToken('rt');
    access.set(accessToken, {
      ...grant,
      token: accessToken,
      label: `oauth:${grant.familyId}`,
      expiresAt: clock.now() + ttlSeconds * 1000,
    });
    refresh.set(refreshToken, { familyId: grant.familyId, used: false, grant });
    return { accessToken, refreshToken, grant };
  }
}

/** The Sandbox's token registry; see {@link createSandboxAuth}. */
export type SandboxAuth = ReturnType<typeof createSandboxAuth>;
