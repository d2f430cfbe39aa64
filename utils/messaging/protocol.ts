import { z } from 'zod/mini';
import { connectionStatusSchema } from './connection-status-schema';
import { fieldMappingSchema } from './field-mapping-schema';
import { outboxOperationSchema } from './write-schemas';
import { syncStatusSchema } from './sync-status-schema';
import type { AccessRule } from './access-rules';
import { TRINT_ANSWERS } from './trint-answers';

export { contactSummarySchema, type ContactSummary } from './trint-answers';
export {
  messageErrorSchema,
  replySchema,
  type MessageErrorInfo,
  type Reply,
} from './message-reply';

/**
 * Every message a popup, options page or content script sends to the background, with the
 * payload it carries, the answer it gets, who may send it and, for a Trint tab, what it may touch
 * (access-rules.ts). One table, shared by all contexts: the background validates sender and
 * payload against it and enforces the access rules, and senders validate the answer.
 * The answers to what a Trint tab may send live in trint-answers.ts, the only part the content
 * script loads; zod/mini keeps it small.
 */

/** Who sent a message: an extension page (popup, options) or the content script on Trint. */
export type SenderRole = 'extension-page' | 'trint-tab';

const token = z.string().check(z.minLength(1), z.maxLength(4096));

/** A Trint transcript id, as in https://app.trint.com/editor/<transcriptId>. */
const transcriptId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a transcript id'));
const ghlId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a GHL id'));

/** One audit log line (see AuditEntry in utils/db/cache-schema.ts). */
export const auditEntrySchema = z.object({
  at: z.number(),
  operation: z.string(),
  method: z.string(),
  recordId: z.optional(z.string()),
  contactId: z.optional(z.string()),
  startedBy: z.enum(['person', 'sync']),
  result: z.string(),
  durationMs: z.number(),
});
/** An audit log line as the options page gets it. */
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** What the options page shows of the OAuth app: never the secret itself. */
export const oauthAppViewSchema = z.object({
  clientId: z.string(),
  exchange: z.enum(['broker', 'secret']),
  brokerUrl: z.string(),
  hasClientSecret: z.boolean(),
  /** The redirect URI to register in the Marketplace app. */
  redirectUri: z.string(),
  /** This install's origin, which a token broker must allow. */
  extensionOrigin: z.string(),
});
export type OAuthAppView = z.infer<typeof oauthAppViewSchema>;

/** One field of a transcript record that a mapping would change (absent: no such field). */
export const fieldChangeSchema = z.object({
  label: z.string(),
  before: z.optional(z.string()),
  after: z.optional(z.string()),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** What a draft mapping would do to the linked transcripts' records, computed without writing. */
export const mappingPreviewSchema = z.object({
  /** Records that would change, each with its before/after per field. */
  transcripts: z.array(
    z.object({
      transcriptId: z.string(),
      title: z.optional(z.string()),
      /** The Trint origin the transcript was seen on; absent means app.trint.com. */
      trintOrigin: z.optional(z.string()),
      contactId: z.string(),
      contactName: z.string(),
      changes: z.array(fieldChangeSchema),
    }),
  ),
  /** Linked records that would stay as they are. */
  unchanged: z.number(),
  /** Linked records whose contact is neither cached nor could be read, left out. */
  missing: z.number(),
  /** GHL reads the preview made (0 when it used the cache only); it never writes. */
  requests: z.number(),
});
export type MappingPreview = z.infer<typeof mappingPreviewSchema>;

/** A GHL custom field a mapping can read: its id, its name where known, a value seen. */
export const customFieldChoiceSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  example: z.optional(z.string()),
});
export type CustomFieldChoice = z.infer<typeof customFieldChoiceSchema>;

/** One linked transcript on the dashboard. */
export const dashboardRowSchema = z.object({
  transcriptId: z.string(),
  title: z.optional(z.string()),
  /** The Trint origin the transcript was seen on; absent means app.trint.com. */
  trintOrigin: z.optional(z.string()),
  contactId: z.string(),
  contactName: z.string(),
  openTasks: z.number(),
  overdueTasks: z.number(),
  latestNote: z.optional(z.object({ body: z.string(), at: z.optional(z.string()) })),
  /** When GHL was last asked about the contact. */
  syncedAt: z.optional(z.number()),
  /** Writes for this transcript or its contact that failed for good. */
  failedJobs: z.number(),
  contactDeleted: z.boolean(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

/** The dashboard: every linked transcript and the counts at the top. */
export const dashboardSchema = z.object({
  rows: z.array(dashboardRowSchema),
  totals: z.object({
    linkedTranscripts: z.number(),
    contacts: z.number(),
    /** Each overdue task counted once, however many transcripts its contact is linked to. */
    overdueTasks: z.number(),
    failedJobs: z.number(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** A message only extension pages send: they are held to no access rule. */
interface PageMessageSpec {
  from: readonly ['extension-page'];
  payload: z.ZodMiniType;
  answer: z.ZodMiniType;
}

/** A message a Trint tab may send: it must say what the tab may touch (at least 'none'). */
interface TabMessageSpec {
  from: readonly ['trint-tab'] | readonly ['extension-page', 'trint-tab'];
  access: readonly [AccessRule, ...AccessRule[]];
  payload: z.ZodMiniType;
  answer: z.ZodMiniType;
}

/** The message table: type → who may send it, what a Trint tab may touch, payload and answer. */
export const PROTOCOL = {
  'connection/status': {
    from: ['extension-page', 'trint-tab'],
    access: ['none'],
    payload: z.object({}),
    answer: TRINT_ANSWERS['connection/status'],
  },
  'connection/check': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: connectionStatusSchema,
  },
  'connection/connect-token': {
    from: ['extension-page'],
    payload: z.object({ token, locationId: z.string().check(z.maxLength(200)) }),
    answer: connectionStatusSchema,
  },
  'connection/replace-token': {
    from: ['extension-page'],
    payload: z.object({ token }),
    answer: connectionStatusSchema,
  },
  'connection/connect-oauth': {
    from: ['extension-page'],
    payload: z.object({ readOnly: z.boolean() }),
    answer: connectionStatusSchema,
  },
  'connection/connect-sandbox': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: connectionStatusSchema,
  },
  'connection/disconnect': {
    from: ['extension-page'],
    payload: z.object({ wipeCache: z.boolean() }),
    answer: connectionStatusSchema,
  },
  'oauth-app/get': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: oauthAppViewSchema,
  },
  'oauth-app/save': {
    from: ['extension-page'],
    payload: z.object({
      clientId: z.string().check(z.maxLength(200)),
      exchange: z.enum(['broker', 'secret']),
      brokerUrl: z.string().check(z.maxLength(2000)),
      /** A new secret; absent keeps the stored one, '' removes it. */
      clientSecret: z.optional(z.string().check(z.maxLength(4096))),
    }),
    answer: oauthAppViewSchema,
  },
  'transcript/opened': {
    from: ['trint-tab'],
    access: ['own transcript'],
    payload: z.object({
      transcriptId,
      title: z.optional(z.string().check(z.maxLength(500))),
      speakers: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
      /**
       * The same panel again, telling the title Trint rendered after its URL: recorded, but the
       * contact is not asked of GHL a second time.
       */
      again: z.optional(z.boolean()),
    }),
    answer: TRINT_ANSWERS['transcript/opened'],
  },
  'transcript/get': {
    from: ['extension-page', 'trint-tab'],
    access: ['own transcript'],
    payload: z.object({ transcriptId }),
    answer: TRINT_ANSWERS['transcript/get'],
  },
  /**
   * A linked transcript's record (mapped fields, attached notes, timeline) as a file, Markdown or
   * versioned JSON, built in the background from the cache; the panel downloads or copies it.
   */
  'transcript/export': {
    from: ['trint-tab'],
    access: ['own transcript'],
    payload: z.object({
      transcriptId,
      format: z.enum(['markdown', 'json']),
      /** The contact's name as the card shows it (with an edit on its way). */
      contactName: z.string().check(z.maxLength(500)),
      /** The page's title, for a record that has none yet. */
      title: z.optional(z.string().check(z.maxLength(500))),
    }),
    answer: TRINT_ANSWERS['transcript/export'],
  },
  'link/set': {
    from: ['extension-page', 'trint-tab'],
    access: ['own transcript', 'shown contact'],
    payload: z.object({ transcriptId, contactId: ghlId }),
    answer: TRINT_ANSWERS['link/set'],
  },
  'link/remove': {
    from: ['extension-page', 'trint-tab'],
    access: ['own transcript'],
    payload: z.object({ transcriptId }),
    answer: TRINT_ANSWERS['link/remove'],
  },
  /** Contacts matching a name, email or phone: the cache answers at once, GHL after a pause. */
  'contacts/search': {
    from: ['extension-page', 'trint-tab'],
    access: ['shows contacts'],
    payload: z.object({
      query: z.string().check(z.minLength(1), z.maxLength(100)),
      source: z.enum(['cache', 'ghl']),
    }),
    answer: TRINT_ANSWERS['contacts/search'],
  },
  /** Contacts a transcript is likely about, from its title and speaker names. */
  'contacts/suggest': {
    from: ['trint-tab'],
    access: ['own transcript', 'shows contacts'],
    payload: z.object({
      transcriptId,
      title: z.optional(z.string().check(z.maxLength(500))),
      speakers: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
    }),
    answer: TRINT_ANSWERS['contacts/suggest'],
  },
  /** Others at the contact's business (GET /contacts/business/:businessId), without the contact. */
  'contacts/business': {
    from: ['extension-page', 'trint-tab'],
    access: ['own contact'],
    payload: z.object({ contactId: ghlId }),
    answer: TRINT_ANSWERS['contacts/business'],
  },
  /** Which of these transcripts are linked, and to whom: the markers on Trint's file list. */
  'links/find': {
    from: ['extension-page', 'trint-tab'],
    access: ['none'],
    payload: z.object({ transcriptIds: z.array(transcriptId).check(z.maxLength(500)) }),
    answer: TRINT_ANSWERS['links/find'],
  },
  'sync/status': {
    from: ['extension-page', 'trint-tab'],
    access: ['none'],
    payload: z.object({}),
    answer: TRINT_ANSWERS['sync/status'],
  },
  'sync/now': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: syncStatusSchema,
  },
  'outbox/enqueue': {
    from: ['extension-page', 'trint-tab'],
    access: ['own transcript', 'own contact'],
    payload: z.object({ operation: outboxOperationSchema, transcriptId: z.optional(transcriptId) }),
    answer: TRINT_ANSWERS['outbox/enqueue'],
  },
  'outbox/list': {
    from: ['extension-page', 'trint-tab'],
    access: ['own jobs'],
    payload: z.object({}),
    answer: TRINT_ANSWERS['outbox/list'],
  },
  'outbox/retry': {
    from: ['extension-page', 'trint-tab'],
    access: ['own job', 'own jobs'],
    payload: z.object({ id: z.string().check(z.maxLength(100)) }),
    answer: TRINT_ANSWERS['outbox/retry'],
  },
  'outbox/discard': {
    from: ['extension-page', 'trint-tab'],
    access: ['own job', 'own jobs'],
    payload: z.object({ id: z.string().check(z.maxLength(100)) }),
    answer: TRINT_ANSWERS['outbox/discard'],
  },
  /** The live field mapping (the default until a person saves one). */
  'mapping/get': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: z.object({ mapping: fieldMappingSchema }),
  },
  /**
   * Makes a mapping live: stored, then every linked transcript's record recomputed from the
   * cache (no GHL request) and open panels told. Refused when the mapping has problems.
   */
  'mapping/save': {
    from: ['extension-page'],
    payload: z.object({ mapping: fieldMappingSchema }),
    answer: z.object({ mapping: fieldMappingSchema, updated: z.number() }),
  },
  /**
   * What a mapping would change in every linked record, before/after, writing nothing. `fresh`
   * reads each linked contact from the connected account (Sandbox or live, GET only) instead of
   * the cache.
   */
  'mapping/preview': {
    from: ['extension-page'],
    payload: z.object({ mapping: fieldMappingSchema, fresh: z.boolean() }),
    answer: mappingPreviewSchema,
  },
  /** The custom fields the cached contacts carry, with names where the connection knows them. */
  'mapping/custom-fields': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: z.object({ fields: z.array(customFieldChoiceSchema) }),
  },
  /** Every linked transcript with its contact, tasks, latest note, last sync and failed writes. */
  'dashboard/list': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: dashboardSchema,
  },
  'audit/list': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: z.array(auditEntrySchema),
  },
  /**
   * Stores the sync settings (the options page; only the background writes storage). The
   * background checks them against syncSettingsSchema, which stays out of this table so the
   * popup does not load classic zod.
   */
  'settings/save': {
    from: ['extension-page'],
    payload: z.object({ settings: z.record(z.string(), z.unknown()) }),
    answer: z.object({}),
  },
  /** Remembers the panel's layout for every Trint tab (collapsed, width in CSS pixels). */
  'panel/save-layout': {
    from: ['trint-tab'],
    access: ['none'],
    payload: z.object({ collapsed: z.boolean(), width: z.number() }),
    answer: TRINT_ANSWERS['panel/save-layout'],
  },
  /** Remembers which of the panel's sections are collapsed for the contact it shows. */
  'panel/save-sections': {
    from: ['trint-tab'],
    access: ['own contact'],
    payload: z.object({
      contactId: z.string().check(z.maxLength(100)),
      collapsed: z.array(z.enum(['tasks', 'notes', 'appointments', 'activity'])),
    }),
    answer: TRINT_ANSWERS['panel/save-sections'],
  },
  /**
   * What the content script could read of a Trint editor page: which rule found the title and the
   * speakers (utils/trint/transcript-page.ts; the background keeps only its own rule names), how
   * many speakers, and the page's structure without any text (utils/trint/page-structure.ts), for
   * the options page's "Trint page reading".
   */
  'page/reading': {
    from: ['trint-tab'],
    access: ['own transcript'],
    payload: z.object({
      transcriptId,
      titleRule: z.optional(z.string().check(z.maxLength(100))),
      speakersRule: z.optional(z.string().check(z.maxLength(100))),
      speakers: z.number().check(z.minimum(0), z.maximum(50)),
      report: z.string().check(z.maxLength(20_000)),
    }),
    answer: TRINT_ANSWERS['page/reading'],
  },
  /**
   * The names of the connected location's users and custom fields (from the cache; GHL is asked
   * on the first ask after connecting, then at most once a day) and the optional scopes missing.
   */
  'names/get': {
    from: ['extension-page', 'trint-tab'],
    access: ['none'],
    payload: z.object({}),
    answer: TRINT_ANSWERS['names/get'],
  },
  /** Stores what "Log this transcript to GHL" puts in its note (the options page). */
  'settings/save-log': {
    from: ['extension-page'],
    payload: z.object({ content: z.enum(['selection-or-opening', 'opening', 'link']) }),
    answer: z.object({}),
  },
  /** Forgets the last sign-in failure: the person dismissed it. */
  'connection/forget-error': {
    from: ['extension-page'],
    payload: z.object({}),
    answer: z.object({}),
  },
} as const satisfies Record<string, PageMessageSpec | TabMessageSpec>;

/** The file formats a transcript's record is exported in ('transcript/export'). */
export type ExportFormat = Payload<'transcript/export'>['format'];

/** Every message type. */
export type MessageType = keyof typeof PROTOCOL;
/** What a message of type T carries. */
export type Payload<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['payload']>;
/** What the background answers to a message of type T. */
export type Answer<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['answer']>;

/**
 * The access rules a message type holds a Trint tab to, in order; undefined for a type only
 * extension pages send.
 */
export function accessRulesOf(type: MessageType): readonly AccessRule[] | undefined {
  const spec: PageMessageSpec | TabMessageSpec = PROTOCOL[type];
  return 'access' in spec ? spec.access : undefined;
}

/**
 * A message on the wire. The payload may be missing: runtime messaging serializes messages as
 * JSON, which drops a key whose value is undefined (zod 4 would otherwise require the key).
 */
export const messageSchema = z.object({ type: z.string(), payload: z.optional(z.unknown()) });
