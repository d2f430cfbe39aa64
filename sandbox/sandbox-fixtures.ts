/**
 * The fixed names of the Sandbox: its locations, users, OAuth client and Private Integration
 * tokens. They are public on purpose: the Sandbox holds made-up data and no real credentials.
 */

/** The location the seeded data lives in. */
export const SANDBOX_LOCATION = {
  id: 'sbxLoc7Trint00000001',
  name: 'Sandbox Realty (demo)',
  address: '1 Example Street, Springfield',
  companyId: 'sbxCompany0000000001',
} as const;

/** A second, empty location, for "wrong location" behaviour. */
export const OTHER_LOCATION = {
  id: 'sbxLoc7Other00000002',
  name: 'Another Agency (demo)',
  address: '2 Elsewhere Road, Shelbyville',
  companyId: 'sbxCompany0000000001',
} as const;

/**
 * The location's users: contacts' owners and tasks' assignees, and what GET /users/ lists
 * (users.readonly) with the fields that name a person.
 */
export const SANDBOX_USERS = [
  {
    id: 'sbxUserAvery00000001',
    name: 'Avery Quinn',
    firstName: 'Avery',
    lastName: 'Quinn',
    email: 'avery@sandbox.example',
  },
  {
    id: 'sbxUserBlake00000002',
    name: 'Blake Moreno',
    firstName: 'Blake',
    lastName: 'Moreno',
    email: 'blake@sandbox.example',
  },
  {
    id: 'sbxUserCasey00000003',
    name: 'Casey Lindqvist',
    firstName: 'Casey',
    lastName: 'Lindqvist',
    email: 'casey@sandbox.example',
  },
] as const;

/**
 * The seeded location's calendars (apps/calendars.json `CalendarDTO`, what GET /calendars/ lists
 * with calendars.readonly), in one group; every seeded appointment belongs to one of them.
 */
export const SANDBOX_CALENDARS = [
  {
    id: 'sbxCalendarSales0001',
    name: 'Sales calls',
    groupId: 'sbxCalGroupTeam00001',
    calendarType: 'round_robin',
    description: 'Discovery and follow-up calls',
  },
  {
    id: 'sbxCalendarDemos0002',
    name: 'Product demos',
    groupId: 'sbxCalGroupTeam00001',
    calendarType: 'event',
    description: 'Demos for prospects',
  },
] as const;

/** Private Integration tokens the Sandbox accepts from the start. */
export const SANDBOX_TOKENS = {
  /** contacts.readonly + contacts.write and every optional scope, on the seeded location. */
  readWrite: 'pit-sandbox-0000-4000-8000-readwrite01',
  /**
   * contacts.readonly only: every write, and every read that needs an optional scope (names,
   * the bulk task and calendar reads), answers 401 "not authorized for this scope".
   */
  readOnly: 'pit-sandbox-0000-4000-8000-readonly001',
  /** Full access, but to the other location. */
  otherLocation: 'pit-sandbox-0000-4000-8000-otherloc001',
} as const;

/** The Sandbox's Marketplace app, for the OAuth flow. */
export const SANDBOX_OAUTH_CLIENT = {
  clientId: 'sbx-client-ghl-for-trint',
  clientSecret: 'sbx-secret-not-a-real-secret',
} as const;

/**
 * Custom field definitions of the seeded location (id → name, and GHL's `fieldKey`): what the
 * seeded contacts fill and GET /locations/:id/customFields lists (locations/customFields.readonly).
 */
export const SANDBOX_CUSTOM_FIELDS = [
  { id: 'sbxCfDealStage000001', name: 'Deal stage', fieldKey: 'contact.deal_stage' },
  { id: 'sbxCfInterviewTopic1', name: 'Interview topic', fieldKey: 'contact.interview_topic' },
  { id: 'sbxCfBudget000000001', name: 'Budget', fieldKey: 'contact.budget' },
  { id: 'sbxCfLeadScore000001', name: 'Lead score', fieldKey: 'contact.lead_score' },
] as const;
