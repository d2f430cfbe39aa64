import { OPTIONAL_SCOPES, SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE } from './api-constants';

/**
 * The scopes this extension asks for: reading always, writing unless the person picks read-only,
 * and the optional ones it can do without: those that turn ids into names (users, custom fields)
 * and those that read tasks and appointments in bulk (location task search, calendars, events).
 */
export function requestedScopes(readOnly: boolean): string[] {
  const contacts = readOnly ? [SCOPE_CONTACTS_READ] : [SCOPE_CONTACTS_READ, SCOPE_CONTACTS_WRITE];
  return [...contacts, ...OPTIONAL_SCOPES];
}

/**
 * The scopes in an OAuth `scope` answer: space-separated (RFC 6749 §3.3), though some servers use
 * commas or '+'. Duplicates and empty parts are dropped; order is kept.
 */
export function parseScopes(scope: string | undefined): string[] {
  if (!scope) return [];
  return [...new Set(scope.split(/[\s,+]+/).filter(Boolean))];
}

/** What a set of granted scopes lets the extension do. */
export function scopeRights(scopes: readonly string[]): { canRead: boolean; canWrite: boolean } {
  // contacts.write does not imply contacts.readonly at GHL: each operation names its own scope.
  return {
    canRead: scopes.includes(SCOPE_CONTACTS_READ),
    canWrite: scopes.includes(SCOPE_CONTACTS_WRITE),
  };
}
