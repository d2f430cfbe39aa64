import { describe, expect, it } from 'vitest';
import { SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from '../api-constants';
import { parseScopes, requestedScopes, scopeRights } from '../scopes';

const READ = SCOPE_CONTACTS_READ;
const WRITE = SCOPE_CONTACTS_WRITE;

describe('parseScopes', () => {
  it.each([
    ['space-separated (RFC 6749 §3.3)', `${READ} ${WRITE}`, [READ, WRITE]],
    ['comma-separated', `${READ},${WRITE}`, [READ, WRITE]],
    ['comma and space', `${READ}, ${WRITE}`, [READ, WRITE]],
    ['plus-separated (a form-encoded space)', `${READ}+${WRITE}`, [READ, WRITE]],
    ['tabs, newlines and runs of spaces', `  ${READ}\t\n ${WRITE}  `, [READ, WRITE]],
    ['duplicates dropped, first order kept', `${WRITE} ${READ} ${WRITE} ${READ}`, [WRITE, READ]],
    ['one scope', READ, [READ]],
    ['empty string', '', []],
    ['only separators', ' ,+ ', []],
    ['undefined', undefined, []],
  ])('%s', (_name, input, expected) => {
    expect(parseScopes(input)).toEqual(expected);
  });
});

describe('scopeRights', () => {
  it.each([
    ['both scopes', [READ, WRITE], { canRead: true, canWrite: true }],
    ['read only', [READ], { canRead: true, canWrite: false }],
    // GHL does not let contacts.write stand in for contacts.readonly.
    ['write without read', [WRITE], { canRead: false, canWrite: true }],
    ['other scopes only', ['locations.readonly', 'contacts'], { canRead: false, canWrite: false }],
    [
      'a scope that only starts like ours',
      [`${READ}x`, `${WRITE}s`],
      { canRead: false, canWrite: false },
    ],
    ['none', [], { canRead: false, canWrite: false }],
  ])('%s', (_name, scopes, expected) => {
    expect(scopeRights(scopes)).toEqual(expected);
  });
});

describe('requestedScopes', () => {
  // Optional either way: names (users, custom fields) and the bulk reads (tasks, calendars).
  const OPTIONAL = [
    'users.readonly',
    'locations/customFields.readonly',
    'locations/tasks.readonly',
    'calendars.readonly',
    'calendars/events.readonly',
  ];
  it.each([
    [false, [READ, WRITE, ...OPTIONAL]],
    [true, [READ, ...OPTIONAL]],
  ])('readOnly %s asks for %j (the optional scopes either way)', (readOnly, expected) => {
    expect(requestedScopes(readOnly)).toEqual(expected);
  });

  it('what is asked for reads back as the same rights', () => {
    expect(scopeRights(parseScopes(requestedScopes(false).join(' ')))).toEqual({
      canRead: true,
      canWrite: true,
    });
    expect(scopeRights(requestedScopes(true))).toEqual({ canRead: true, canWrite: false });
  });
});
