import { describe, expect, it } from 'vitest';
import { GHL_ENDPOINTS } from '../../ghl/endpoints';
import { GhlError, type GhlErrorKind } from '../../ghl/ghl-error';
import { isWrite } from '../connection-client';
import { healthConsequence } from '../connection-health';
import type { ConnectionKind } from '../connection-records';

const E = GHL_ENDPOINTS;
const error = (kind: GhlErrorKind, endpoint = 'GET /contacts/:contactId') =>
  new GhlError(kind, endpoint, { status: 401 });

describe('isWrite', () => {
  it.each([
    [E.getContact, false],
    [E.listContacts, false],
    // Search is sent as POST but only reads.
    [E.searchContacts, false],
    [E.createContact, true],
    [E.updateContact, true],
    [E.deleteTask, true],
    [E.addTags, true],
  ])('%#: %s', (endpoint, expected) => {
    expect(isWrite(endpoint)).toBe(expected);
  });
});

describe('healthConsequence', () => {
  it.each<[string, ConnectionKind, GhlError, (typeof E)[keyof typeof E] | undefined, string]>([
    [
      'a revoked OAuth grant',
      'oauth',
      error('reconnect-needed', 'POST /oauth/token'),
      undefined,
      'reconnect',
    ],
    [
      'a 401 after a refresh (OAuth)',
      'oauth',
      error('reconnect-needed'),
      E.getContact,
      'reconnect',
    ],
    [
      'a connection already marked',
      'pit',
      error('reconnect-needed', 'connection'),
      E.getContact,
      'none',
    ],
    ['no tokens stored', 'oauth', error('reconnect-needed', 'token store'), E.getContact, 'none'],
    // The optional names scopes: refused means "no names", never "reconnect".
    ['users.readonly refused', 'pit', error('missing-scope'), E.listLocationUsers, 'none'],
    ['customFields refused', 'oauth', error('missing-scope'), E.listCustomFields, 'none'],
    [
      'a rotated Private Integration token',
      'pit',
      error('unauthorized'),
      E.getContact,
      'reconnect',
    ],
    ['a refused Sandbox token', 'sandbox', error('unauthorized'), E.getContact, 'reconnect'],
    // OAuth refreshes first; the refresh's own failure is what counts.
    ['a 401 on OAuth before its refresh', 'oauth', error('unauthorized'), E.getContact, 'none'],
    ['a write without contacts.write', 'pit', error('missing-scope'), E.createTask, 'readOnly'],
    ['a tag change without contacts.write', 'oauth', error('missing-scope'), E.addTags, 'readOnly'],
    ['a read without contacts.readonly', 'pit', error('missing-scope'), E.getContact, 'reconnect'],
    [
      'a search without contacts.readonly',
      'oauth',
      error('missing-scope'),
      E.searchContacts,
      'reconnect',
    ],
    ['a scope refusal outside a call', 'pit', error('missing-scope'), undefined, 'reconnect'],
    ['another location', 'pit', error('forbidden'), E.getContact, 'none'],
    ['a missing contact', 'pit', error('not-found'), E.getContact, 'none'],
    ['a server error', 'oauth', error('server'), E.createTask, 'none'],
    ['a rate limit', 'pit', error('rate-limited'), E.createTask, 'none'],
    ['no network', 'oauth', error('network', 'POST /oauth/token'), undefined, 'none'],
  ])('%s → %s', (_name, kind, failure, endpoint, expected) => {
    const consequence = healthConsequence(kind, failure, endpoint);
    if (expected === 'none') {
      expect(consequence).toBeUndefined();
      return;
    }
    expect(Object.keys(consequence ?? {})).toEqual([expected]);
    const reason = Object.values(consequence!)[0] as string;
    expect(reason.length).toBeGreaterThan(20);
  });

  it('tells a Private Integration user to replace the token, a Sandbox user to restart it', () => {
    expect(healthConsequence('pit', error('unauthorized'), E.getContact)).toEqual({
      reconnect: expect.stringMatching(/Replace token/),
    });
    expect(healthConsequence('sandbox', error('unauthorized'), E.getContact)).toEqual({
      reconnect: expect.stringMatching(/Sandbox mode/),
    });
  });
});
