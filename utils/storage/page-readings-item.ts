import { z } from 'zod/mini';
import { defineStoredItem } from './stored-item';

/** The storage key of what the last Trint pages yielded. */
export const PAGE_READINGS_KEY = 'pageReadings';
/** How many Trint pages the options page shows. */
export const PAGE_READINGS_KEPT = 5;

const readingSchema = z.object({
  /** When the background heard of it (its clock, ms). */
  at: z.number(),
  transcriptId: z.string(),
  /** The rule that found the title, one of utils/trint's own; absent when none did. */
  titleRule: z.optional(z.string()),
  speakersRule: z.optional(z.string()),
  speakers: z.number(),
  /** The page's structure, no text (utils/trint/page-structure.ts), to copy into a bug report. */
  report: z.string(),
});
/** What one Trint editor page yielded. */
export type PageReading = z.infer<typeof readingSchema>;

const readingsSchema = z.object({ version: z.literal(1), readings: z.array(readingSchema) });
/** The last Trint pages read, newest first. */
export type PageReadings = z.infer<typeof readingsSchema>;

/**
 * What the last Trint editor pages yielded (title found by which rule, speakers found or not),
 * for the options page's "Trint page reading". In storage.session: content scripts cannot read or
 * write it, so what the options page shows is what the background checked and wrote; it is gone
 * when the browser closes, as it describes pages of this session.
 */
export const pageReadingsItem = defineStoredItem({
  key: PAGE_READINGS_KEY,
  area: 'session',
  version: 1,
  schema: readingsSchema,
  fallback: (): PageReadings => ({ version: 1, readings: [] }),
});
