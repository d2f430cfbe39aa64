import { describe, expect, it } from 'vitest';
import { SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from '../../ghl/api-constants';
import {
  connectionStatusSchema,
  NO_WRITE_SCOPE_REASON,
  NOT_CONNECTED,
  parseConnectionStatus,
  statusOf,
  type ConnectionFacts,
} from '../connection-status';
import type { StoredConnection } from '../connection-records';

const BOTH = [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE];

const facts: ConnectionFacts = {
  kind: 'pit',
  locationId: 'loc1',
  locationName: 'Loc One',
  scopes: BOTH,
  connectedAt: 1_000,
  health: { state: 'ok' },
};

describe('statusOf', () => {
  it('is not-connected without a connection', () => {
    expect(statusOf(undefined)).toEqual({ state: 'not-connected' });
    expect(statusOf(undefined)).toBe(NOT_CONNECTED);
  });

  it.each<[string, Partial<ConnectionFacts>, Record<string, unknown>]>([
    [
      'healthy, both scopes',
      {},
      { state: 'connected', canWrite: true, readOnlyReason: undefined, reconnectReason: undefined },
    ],
    [
      'granted read only',
      { scopes: [SCOPE_CONTACTS_READ] },
      { state: 'connected', canWrite: false, readOnlyReason: NO_WRITE_SCOPE_REASON },
    ],
    [
      'write scope, but GHL refused a write',
      { readOnlyReason: 'GHL refused a change.' },
      { state: 'connected', canWrite: false, readOnlyReason: 'GHL refused a change.' },
    ],
    [
      'no write scope and a refusal: the refusal is the reason',
      { scopes: [SCOPE_CONTACTS_READ], readOnlyReason: 'GHL refused a change.' },
      { canWrite: false, readOnlyReason: 'GHL refused a change.' },
    ],
    [
      'reconnect needed',
      { health: { state: 'reconnect-needed', reason: 'Token revoked.' } },
      { state: 'reconnect-needed', canWrite: true, reconnectReason: 'Token revoked.' },
    ],
  ])('%s', (_name, change, expected) => {
    const status = statusOf({ ...facts, ...change });
    expect(status).toMatchObject({
      kind: 'pit',
      locationId: 'loc1',
      locationName: 'Loc One',
      since: 1_000,
      ...expected,
    });
    expect(connectionStatusSchema.safeParse(status).success).toBe(true);
  });

  it('carries nothing secret from a stored connection', () => {
    const stored: StoredConnection = {
      credentialId: 'cred-1',
      kind: 'oauth',
      locationId: 'loc1',
      scopes: BOTH,
      connectedAt: 5,
      credential: {
        type: 'oauth',
        accessToken: 'access-SECRET',
        refreshToken: 'refresh-SECRET',
        expiresAt: 99,
      },
      health: { state: 'reconnect-needed', reason: 'r', at: 7, notified: true },
    };
    const status = statusOf(stored);
    expect(JSON.stringify(status)).not.toMatch(/SECRET|cred-1|notified/);
    expect(Object.keys(status).sort()).toEqual([
      'canWrite',
      'kind',
      'locationId',
      'locationName',
      'readOnlyReason',
      'reconnectReason',
      'scopes',
      'since',
      'state',
    ]);
  });
});

describe('parseConnectionStatus', () => {
  it.each([
    ['nothing stored', undefined],
    ['a string', 'connected'],
    ['an unknown state', { state: 'broken' }],
    ['connected without its fields', { state: 'connected' }],
  ])('reads %s as not connected', (_name, value) => {
    expect(parseConnectionStatus(value)).toEqual(NOT_CONNECTED);
  });

  it('reads back what statusOf published', () => {
    const status = statusOf(facts);
    expect(parseConnectionStatus(JSON.parse(JSON.stringify(status)))).toEqual(
      JSON.parse(JSON.stringify(status)),
    );
  });
});
