/**
 * Fixed facts of GHL's API v2, from ../shared/ghl-openapi (servers, the `Version` header enum and
 * the security schemes) and GHL's Marketplace documentation.
 */

/** Every API v2 call goes to this origin. */
export const GHL_API_BASE = 'https://services.leadconnectorhq.com';

/** The `Version` header value the Contacts, Users, Locations and OAuth operations accept. */
export const GHL_API_VERSION = '2021-07-28';

/** The only `Version` the Calendars operations accept (apps/calendars.json's header enum). */
export const GHL_CALENDARS_API_VERSION = '2021-04-15';

/** A `Version` header value GHL documents; each operation accepts exactly one. */
export type GhlApiVersion = typeof GHL_API_VERSION | typeof GHL_CALENDARS_API_VERSION;

/** Read contacts, their tasks, notes and appointments. */
export const SCOPE_CONTACTS_READ = 'contacts.readonly';
/** Create, edit and delete contacts, tasks, notes and tags. */
export const SCOPE_CONTACTS_WRITE = 'contacts.write';
/** Optional: the location's users (GET /users/), so owners and assignees show as names. */
export const SCOPE_USERS_READ = 'users.readonly';
/** Optional: the location's custom field definitions, so custom fields show as names. */
export const SCOPE_CUSTOM_FIELDS_READ = 'locations/customFields.readonly';
/**
 * Optional: the location's tasks searched in bulk (POST /locations/:id/tasks/search), so a sync
 * reads the tasks of many contacts in one request instead of one request per contact.
 */
export const SCOPE_LOCATION_TASKS_READ = 'locations/tasks.readonly';
/** Optional: the location's calendars (GET /calendars/), whose appointments are read in bulk. */
export const SCOPE_CALENDARS_READ = 'calendars.readonly';
/**
 * Optional: the appointments of the location in a window (GET /calendars/events), one request
 * per calendar instead of one per contact.
 */
export const SCOPE_CALENDAR_EVENTS_READ = 'calendars/events.readonly';
/**
 * Scopes asked for but not needed: a connection without them works as without names, or with
 * the per-contact reads instead of the bulk ones. A Private Integration's scopes cannot be
 * listed, so they are learnt from GHL's answer (utils/names/ for names).
 */
export const OPTIONAL_SCOPES = [
  SCOPE_USERS_READ,
  SCOPE_CUSTOM_FIELDS_READ,
  SCOPE_LOCATION_TASKS_READ,
  SCOPE_CALENDARS_READ,
  SCOPE_CALENDAR_EVENTS_READ,
] as const;

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

/** GHL's web app, where people open a contact (the timeline and "Open in GHL" link there). */
export const GHL_APP_ORIGIN = 'https://app.gohighlevel.com';

/** A contact's page in GHL's app; both ids are encoded, as they come from storage. */
export function ghlContactUrl(locationId: string, contactId: string): string {
  return `${GHL_APP_ORIGIN}/v2/location/${encodeURIComponent(locationId)}/contacts/detail/${encodeURIComponent(contactId)}`;
}

/**
 * Whether an address is GHL's own app: the only address a timeline line is linked to, in the
 * panel and in exports (a line is ours, but its address is built from data).
 */
export function isGhlAppUrl(url: string | undefined): url is string {
  return url?.startsWith(`${GHL_APP_ORIGIN}/`) === true;
}
