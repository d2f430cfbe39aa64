import { z } from 'zod';
import {
  OPTIONAL_SCOPES,
  SCOPE_CONTACTS_READ,
  SCOPE_CONTACTS_WRITE,
} from '../../utils/ghl/api-constants';
import { tokenRequestBody } from '../../utils/ghl/schemas/oauth-schemas';
import { ghlError, unprocessable, type SandboxReply } from '../ghl-responses';
import { OTHER_LOCATION, SANDBOX_LOCATION, SANDBOX_OAUTH_CLIENT } from '../sandbox-fixtures';
import type { SandboxState } from '../sandbox-state';
import { validateGhlBody } from '../validate-body';

/** The Sandbox also accepts a PKCE verifier when the authorization sent a challenge. */
const sandboxTokenBody = tokenRequestBody.extend({ code_verifier: z.string().optional() });

/** Where GHL's docs send people to authorize (docs/oauth/Authorization.md, since 2026-05-27). */
export const CHOOSE_LOCATION_PATH = '/v2/oauth/chooselocation';

/** The scopes the Sandbox's Marketplace app lists: the contacts ones and every optional one. */
const KNOWN_SCOPES = new Set<string>([
  SCOPE_CONTACTS_READ,
  SCOPE_CONTACTS_WRITE,
  ...OPTIONAL_SCOPES,
]);

/**
 * POST /oauth/token (apps/oauth.json): the authorization_code and refresh_token grants, sent
 * form-encoded, with the client's id and secret checked. Refresh tokens are single-use.
 */
export async function tokenRoute(
  state: SandboxState,
  headers: Headers,
  bodyText: string,
): Promise<SandboxReply> {
  // The spec documents only a form body; anything else is refused before it is read.
  if (!headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) {
    throw ghlError(400, 'Content-Type must be application/x-www-form-urlencoded');
  }
  const input = validateGhlBody(
    sandboxTokenBody,
    Object.fromEntries(new URLSearchParams(bodyText)),
  );
  if (
    input.client_id !== SANDBOX_OAUTH_CLIENT.clientId ||
    input.client_secret !== SANDBOX_OAUTH_CLIENT.clientSecret
  ) {
    throw ghlError(401, 'Invalid client credentials');
  }
  const ttl = state.settings.tokenTtlSeconds;
  if (input.grant_type === 'authorization_code') {
    if (!input.code) throw unprocessable(['code should not be empty']);
    const record = await state.oauthCodes.redeem(input.code, {
      clientId: input.client_id,
      redirectUri: input.redirect_uri,
      codeVerifier: input.code_verifier,
    });
    if (record === 'reused') {
      // A replayed code may be stolen: revoke what its first exchange issued.
      const familyId = state.oauthCodes.peek(input.code)?.familyId;
      if (familyId) state.auth.revokeFamily(familyId);
    }
    if (typeof record === 'string')
      throw ghlError(401, `Invalid grant: authorization code is ${record}`);
    const issued = state.auth.issueFamily(
      {
        locationId: record.locationId,
        companyId: SANDBOX_LOCATION.companyId,
        userId: 'sbxUserAvery00000001',
        scopes: record.scopes,
      },
      ttl,
    );
    record.familyId = issued.grant.familyId;
    return tokenReply(issued, ttl);
  }
  if (input.grant_type === 'refresh_token') {
    if (!input.refresh_token) throw unprocessable(['refresh_token should not be empty']);
    const issued = state.auth.redeemRefreshToken(input.refresh_token, ttl);
    // A refresh GHL will not honour answers 400 in real GHL (GoHighLevel/highlevel-api-docs#249:
    // GHL's team "sending 400 as status code in such case"), not the 401 the spec suggests.
    if (issued === 'reused') {
      throw ghlError(400, 'Invalid grant: refresh token was already used; the grant is revoked');
    }
    if (issued === 'invalid') throw ghlError(400, 'Invalid grant: refresh token is invalid');
    return tokenReply(issued, ttl);
  }
  throw unprocessable(['grant_type client_credentials is not supported by the Sandbox']);
}

function tokenReply(
  issued: {
    accessToken: string;
    refreshToken: string;
    grant: { locationId: string; companyId: string; userId: string; scopes: string[] };
  },
  ttl: number,
): SandboxReply {
  return {
    status: 200,
    body: {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: ttl,
      refresh_token: issued.refreshToken,
      scope: issued.grant.scopes.join(' '),
      userType: 'Location',
      locationId: issued.grant.locationId,
      companyId: issued.grant.companyId,
      userId: issued.grant.userId,
    },
  };
}

/** The authorization request's parameters, checked. */
function authorizationRequest(query: URLSearchParams) {
  const clientId = query.get('client_id');
  const redirectUri = query.get('redirect_uri');
  if (clientId !== SANDBOX_OAUTH_CLIENT.clientId) throw ghlError(400, 'Unknown client_id');
  if (!redirectUri || !/^https:\/\//.test(redirectUri)) {
    throw ghlError(400, 'redirect_uri must be an https URL');
  }
  const scopes = (query.get('scope') ?? '').split(/\s+/).filter((s) => KNOWN_SCOPES.has(s));
  if (scopes.length === 0)
    throw ghlError(400, 'scope must name contacts.readonly or contacts.write');
  const challenge = query.get('code_challenge') ?? undefined;
  if (challenge && query.get('code_challenge_method') !== 'S256') {
    throw ghlError(400, 'code_challenge_method must be S256');
  }
  return { clientId, redirectUri, scopes, state: query.get('state') ?? '', challenge };
}

/**
 * GET /v2/oauth/chooselocation: the page where a person picks a location (GHL's docs moved it
 * under /v2/ on 2026-05-27, docs/oauth/Authorization.md), and
 * GET /v2/oauth/chooselocation/approve, which redirects back with `code` and `state`.
 */
export function authorizationRoute(state: SandboxState, url: URL): Response {
  const request = authorizationRequest(url.searchParams);
  if (url.pathname.endsWith('/approve')) {
    const back = new URL(request.redirectUri);
    const locationId = url.searchParams.get('locationId');
    if (locationId !== SANDBOX_LOCATION.id && locationId !== OTHER_LOCATION.id) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = state.oauthCodes.issue({
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        scopes: request.scopes,
        locationId,
        codeChallenge: request.challenge,
      });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', request.state);
    return new Response(null, { status: 302, headers: { location: back.href } });
  }
  const approve = (locationId: string) => {
    const target = new URL(url);
    target.pathname = `${CHOOSE_LOCATION_PATH}/approve`;
    target.searchParams.set('locationId', locationId);
    return `${target.pathname}${target.search}`;
  };
  const items = [SANDBOX_LOCATION, OTHER_LOCATION]
    .map((l) => `<li><a href="${escapeHtml(approve(l.id))}">${escapeHtml(l.name)}</a></li>`)
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Choose a location · Sandbox GHL</title></head><body style="font-family:system-ui;max-width:36rem;margin:3rem auto"><h1>Sandbox GHL</h1><p>GHL for Trint (Sandbox) asks to ${escapeHtml(request.scopes.includes('contacts.write') ? 'read and change' : 'read')} your contacts, their tasks, notes and appointments (${escapeHtml(request.scopes.join(', '))}). This is made-up demo data; no real account is involved.</p><p>Choose the location to connect:</p><ul>${items}</ul><p><a href="${escapeHtml(approve('none'))}">Cancel</a></p></body></html>`;
  return new Response(html, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

/** Text for HTML: the page shows names and scopes, and must never run them. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
