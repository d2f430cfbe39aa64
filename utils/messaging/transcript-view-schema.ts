import { z } from 'zod/mini';
import { outboxJobViewSchema } from './write-schemas';

/**
 * Everything the panel shows for one transcript, read from the cache in one message: the link,
 * the contact, its tasks, notes and appointments, the timeline and the writes still on their way.
 * GHL records keep all their fields (loose): they were parsed by the GHL client when fetched.
 */
const ghlRecord = z.looseObject({ id: z.string() });

export const activityViewSchema = z.object({
  at: z.number(),
  kind: z.string(),
  text: z.string(),
  contactId: z.string(),
  recordId: z.optional(z.string()),
  url: z.optional(z.string()),
});

/** One mapped field of a transcript's record, as the panel lists and exports it. */
export const mappedFieldViewSchema = z.object({
  label: z.string(),
  text: z.string(),
  onCard: z.boolean(),
  live: z.optional(z.enum(['name', 'email', 'phone', 'companyName', 'tags'])),
  /** The text is a GHL user id (the owner, read unchanged): the panel shows the user's name. */
  user: z.optional(z.literal(true)),
  /** The label is this custom field's id (it had no name when mapped): shown by name if known. */
  customFieldId: z.optional(z.string()),
});
export type MappedFieldView = z.infer<typeof mappedFieldViewSchema>;

/** Which parts of a contact are synced and shown (see SyncSettings). */
export const syncedPartsSchema = z.object({
  contactDetails: z.boolean(),
  tasks: z.boolean(),
  notes: z.boolean(),
  appointments: z.boolean(),
  businessContacts: z.boolean(),
});
export type SyncedParts = z.infer<typeof syncedPartsSchema>;

export const transcriptViewSchema = z.object({
  transcriptId: z.string(),
  title: z.optional(z.string()),
  link: z.optional(
    z.object({
      contactId: z.string(),
      locationId: z.string(),
      linkedAt: z.number(),
      /** The note "Log this transcript to GHL" wrote (logging again updates it). */
      logNoteId: z.optional(z.string()),
    }),
  ),
  /** Mapped contact fields as of `snapshotAt` (label → text). */
  fields: z.optional(z.record(z.string(), z.string())),
  /**
   * The same fields in the mapping's order, each with whether the contact card lists it and, for
   * a field read unchanged from a contact field the card can edit, which one (so a pending edit
   * shows at once). Exports use every one.
   */
  mapped: z.optional(z.array(mappedFieldViewSchema)),
  /** What the person chose to sync (Settings → What to sync): parts switched off are not shown. */
  shows: z.optional(syncedPartsSchema),
  snapshotAt: z.optional(z.number()),
  contact: z.optional(ghlRecord),
  /** When GHL was last asked about the contact. */
  syncedAt: z.optional(z.number()),
  contactDeletedAt: z.optional(z.number()),
  tasks: z.array(ghlRecord),
  /** The notes attached to this transcript (all, or pinned only, per the setting). */
  notes: z.array(ghlRecord),
  appointments: z.array(ghlRecord),
  activity: z.array(activityViewSchema),
  pending: z.array(outboxJobViewSchema),
});
export type TranscriptView = z.infer<typeof transcriptViewSchema>;
