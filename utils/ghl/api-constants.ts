/**
 * Fixed facts of GHL's API v2, from ../shared/ghl-openapi (servers, the `Version` header enum and
 * the security schemes) and GHL's Marketplace documentation.
 */

/** Every API v2 call goes to this origin. */
export const GHL_API_BASE = 'https://services.leadconnectorhq.com';

/** The only `Version` header value the Contacts and OAuth operations accept. */
export const GHL_API_VERSION = '2021-07-28';

/** Read contacts, their tasks, notes and appointments. */
export const SCOPE_CONTACTS_READ = 'contacts.readonly';
/** Create, edit and delete contacts, tasks, notes and tags. */
export const SCOPE_CONTACTS_WRITE = 'contacts.write';
/** Optional: the location's users (GET /users/), so owners and assignees show as names. */
export const SCOPE_USERS_READ = 'users.readonly';
/** Optional: the location's custom field definitions, so custom fields show as names. */
export const SCOPE_CUSTOM_FIELDS_READ = 'locations/customFields.readonly';
/**
 * Scopes asked for but not needed: a connection without them works as without names. A Private
 * Integration's scopes cannot be listed, so they are learnt from GHL's answer (utils/names/).
 */
export const OPTIONAL_SCOPES = [SCOPE_USERS_READ, SCOPE_CUSTOM_FIELDS_READ] as const;

/**
 * Where a person picks the location to install a Marketplace app into (OAuth authorization):
 * under /v2/ since GHL's docs changed on 2026-05-27 (docs/oauth/Authorization.md).
 */
export const GHL_AUTHORIZE_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';

/** GHL's documented limits per app per location: the burst window and the daily cap. */
export const GHL_RATE_LIMITS = {
  burstMax: 100,
  burstIntervalMs: 10_000,
  dailyMax: 200_000,
} as const;
