import { tokenRequestBody } from '../utils/ghl/schemas/oauth-schemas';

/** The grants the extension uses, and the fields each one needs besides client_id. */
const GRANTS = {
  authorization_code: ['code', 'redirect_uri'],
  refresh_token: ['refresh_token'],
} as const;
type Grant = keyof typeof GRANTS;

/** GHL's `GetAccessCodebodyDto` fields (from our schema of it): anything else gets a 422 there. */
const DOCUMENTED = new Set(Object.keys(tokenRequestBody.shape));
const USER_TYPES = new Set(tokenRequestBody.shape.user_type.unwrap().options);
/** The only user_type the broker forwards (see parseGrantRequest). */
const PINNED_USER_TYPE = 'Location';

/** A token request the broker will forward, or why it will not. */
export type GrantRequest =
  { ok: true; grantType: Grant; fields: Record<string, string> } | { ok: false; message: string };

/**
 * Checks a form-encoded token request from the extension and keeps exactly the fields its grant
 * uses. Refusing here, with a message a person can act on, beats forwarding a request GHL would
 * refuse less clearly (422 for an unknown field) or, for a stray client_secret, at all.
 * Messages name fields, never their values.
 */
export function parseGrantRequest(bodyText: string, clientId: string): GrantRequest {
  const form = new URLSearchParams(bodyText);
  const body = new Map<string, string>();
  for (const [name, value] of form) {
    // Two values for one field could be read differently here and at GHL.
    if (body.has(name)) return refuse(`Field ${quote(name)} is given more than once`);
    body.set(name, value);
  }
  if (body.has('client_secret')) {
    return refuse('client_secret must not be sent: the broker adds the secret it holds');
  }
  const unknown = [...body.keys()].find((name) => !DOCUMENTED.has(name));
  if (unknown !== undefined) {
    return refuse(
      `Unknown field ${quote(unknown)}: GHL's token endpoint documents only ${[...DOCUMENTED].filter((f) => f !== 'client_secret').join(', ')}`,
    );
  }
  const sentClientId = body.get('client_id');
  if (!sentClientId) return refuse('client_id is required');
  if (sentClientId !== clientId) return refuse('client_id is not the client this broker serves');

  const grantType = body.get('grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return refuse('grant_type must be authorization_code or refresh_token');
  }
  const needed: readonly string[] = GRANTS[grantType];
  const missing = needed.find((name) => !body.get(name));
  if (missing !== undefined) return refuse(`${missing} is required for the ${grantType} grant`);
  const stray = Object.values(GRANTS)
    .flat()
    .find((name) => body.has(name) && !needed.includes(name));
  if (stray !== undefined) return refuse(`${stray} does not belong to the ${grantType} grant`);

  // The extension connects one location; a Company (agency) token would reach every location
  // of the agency, so the broker never asks GHL for one.
  const userType = body.get('user_type');
  if (userType !== undefined && userType !== PINNED_USER_TYPE) {
    return refuse(
      USER_TYPES.has(userType as never)
        ? `user_type must be ${PINNED_USER_TYPE}: this broker grants location tokens only`
        : `user_type must be ${PINNED_USER_TYPE}`,
    );
  }

  const fields: Record<string, string> = { client_id: clientId, grant_type: grantType };
  for (const name of needed) fields[name] = body.get(name)!;
  fields.user_type = PINNED_USER_TYPE;
  return { ok: true, grantType, fields };
}

function refuse(message: string): GrantRequest {
  return { ok: false, message };
}

/** A client-chosen field name, quoted and kept short. */
function quote(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}
