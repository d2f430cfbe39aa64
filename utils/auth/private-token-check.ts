import type { GhlClient } from '../ghl/ghl-client';
import { SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from '../ghl/api-constants';
import { GhlError } from '../ghl/ghl-error';
import { ConnectError } from './connect-error';

/** A task id that cannot exist: the write probe deletes "it" and so changes nothing. */
const PROBE_ID = 'ghlForTrintScopeProbe';

/** A location id as GHL shows it (Settings → Business Profile), e.g. ve9EPM428h8vShlRW1KT. */
const LOCATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The token and location id as typed, or a clear error before any request is made. */
export function cleanPrivateTokenInput(input: { token: string; locationId?: string }) {
  const token = input.token.trim();
  if (!token) throw new ConnectError('Paste the Private Integration token.');
  if (/\s/.test(token) || token.length > 4096) {
    throw new ConnectError(
      'That does not look like a Private Integration token: it has spaces or is too long. Copy it again from GHL.',
    );
  }
  const locationId = input.locationId?.trim();
  if (locationId !== undefined && !LOCATION_ID.test(locationId)) {
    throw new ConnectError(
      locationId
        ? 'A location id has only letters and digits, like ve9EPM428h8vShlRW1KT (GHL: Settings → Business Profile).'
        : 'Enter the location id (GHL: Settings → Business Profile).',
    );
  }
  return { token, locationId };
}

/**
 * Checks a Private Integration token with real calls before it is saved, and learns its scopes
 * (GHL has no endpoint that lists a Private Integration's scopes):
 * - reading: GET /contacts/?limit=1 for the location;
 * - writing: DELETE of a task id that cannot exist. GHL checks the scope before it looks the task
 *   up, so a token without contacts.write gets "not authorized for this scope" and one with it gets
 *   "not found". Nothing in GHL changes either way.
 */
export async function checkPrivateToken(client: GhlClient, locationId: string): Promise<string[]> {
  let firstContactId: string | undefined;
  try {
    const page = await client.contacts.list({ locationId, limit: 1 });
    firstContactId = page.contacts[0]?.id;
  } catch (error) {
    throw new ConnectError(readProblem(error, locationId));
  }
  try {
    await client.tasks.delete(firstContactId ?? PROBE_ID, PROBE_ID);
  } catch (error) {
    if (error instanceof GhlError && error.kind === 'missing-scope') return [SCOPE_CONTACTS_READ];
    // Not found (expected), or anything else: assume writes work; a refused write later turns
    // the connection read-only with the reason shown.
  }
  return [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE];
}

function readProblem(error: unknown, locationId: string): string {
  if (!(error instanceof GhlError)) return 'The token could not be checked. Nothing was saved.';
  switch (error.kind) {
    case 'unauthorized':
      return 'GHL did not accept this token. Copy the whole Private Integration token from GHL (Settings → Private Integrations) and try again.';
    case 'forbidden':
      return `This token does not belong to location ${locationId}. Check the location id (GHL: Settings → Business Profile), or use a token made in that location.`;
    case 'missing-scope':
      return 'This token may not read contacts. In GHL, edit the Private Integration, add the contacts.readonly scope (and contacts.write to make changes), then try again.';
    case 'validation':
    case 'not-found':
      return `GHL did not accept the location id ${locationId}. Check it (GHL: Settings → Business Profile).`;
    default:
      return `The token could not be checked: ${error.message} Nothing was saved.`;
  }
}
