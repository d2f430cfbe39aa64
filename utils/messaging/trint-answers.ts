import { z } from 'zod/mini';
import { connectionStatusSchema } from './connection-status-schema';
import { outboxJobViewSchema } from './write-schemas';
import { syncStatusSchema } from './sync-status-schema';
import { transcriptViewSchema } from './transcript-view-schema';

/**
 * The answers to the messages a Trint tab may send: the part of the message table (protocol.ts)
 * the content script loads. protocol.ts takes these schemas for its entries, so they are one
 * source; a test checks that these are exactly the types whose `from` names 'trint-tab'. Kept
 * apart so the content script carries neither the payload schemas (the background checks them)
 * nor the options page's answers (mapping, dashboard, audit log).
 */

/** A contact as search results, suggestions and "Others at this business" show it. */
export const contactSummarySchema = z.object({
  id: z.string(),
  /** The contact's name, or its email or phone when it has none. */
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  companyName: z.optional(z.string()),
  /** Why a suggestion is made, e.g. "Speaker Jane Doe". */
  reason: z.optional(z.string()),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

/** An exported transcript record ('transcript/export'): its file name and its text. */
export const exportedFileSchema = z.object({ name: z.string(), text: z.string() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;

const contactList = z.object({ contacts: z.array(contactSummarySchema) });

/**
 * What the connected location's ids are called, as far as the extension knows: users (owners,
 * assignees) and custom fields, empty when unknown; and the optional scopes GHL refused, which
 * would show them.
 */
export const namesSchema = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  customFields: z.array(
    z.object({ id: z.string(), name: z.string(), key: z.optional(z.string()) }),
  ),
  missingScopes: z.array(z.string()),
});
export type Names = z.infer<typeof namesSchema>;
const outboxJobs = z.array(outboxJobViewSchema);

/** Message type → the schema of its answer, for every message a Trint tab may send. */
export const TRINT_ANSWERS = {
  'connection/status': connectionStatusSchema,
  'transcript/opened': transcriptViewSchema,
  'transcript/get': transcriptViewSchema,
  'transcript/export': exportedFileSchema,
  'link/set': transcriptViewSchema,
  'link/remove': transcriptViewSchema,
  'contacts/search': contactList,
  'contacts/suggest': contactList,
  'contacts/business': contactList,
  'links/find': z.object({
    // Names for extension pages only: a Trint tab learns which transcripts are linked, not to whom.
    links: z.array(z.object({ transcriptId: z.string(), contactName: z.optional(z.string()) })),
  }),
  'sync/status': syncStatusSchema,
  'outbox/enqueue': outboxJobViewSchema,
  'outbox/list': outboxJobs,
  'outbox/retry': outboxJobs,
  'outbox/discard': outboxJobs,
  'panel/save-layout': z.object({}),
  'page/reading': z.object({}),
  'panel/save-sections': z.object({}),
  'names/get': namesSchema,
} as const satisfies Record<string, z.ZodMiniType>;

/** The message types a Trint tab may send. */
export type TrintMessageType = keyof typeof TRINT_ANSWERS;
