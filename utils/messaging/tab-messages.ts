import { z } from 'zod/mini';

/**
 * Messages the background sends to Trint tabs (tabs.sendMessage). The content script validates
 * them like any input: a message that does not parse is ignored.
 */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.object({
    /** Something about this transcript changed in the cache: read it again. */
    type: z.literal('transcript/changed'),
    transcriptId: z.string(),
    contactId: z.optional(z.string()),
    /** What changed, e.g. "contact", "tasks", "notes", "link". */
    what: z.array(z.string()),
  }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;
