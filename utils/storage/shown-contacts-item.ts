import { z } from 'zod/mini';
import { defineStoredItemFamily } from './stored-item';

/** One remembered contact: its id and when it was last shown. */
export type ShownEntry = [contactId: string, shownAt: number];

const entrySchema = z.custom<ShownEntry>(
  (entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
);

/**
 * The contacts the background has shown each Trint tab, one item per tab id (see
 * entrypoints/background/shown-contacts.ts). In storage.session: it outlives a stopped service
 * worker, is gone when the browser closes, and content scripts cannot read it (its default
 * access level is trusted contexts). A list with bad entries keeps its good ones.
 */
export const shownContactsItems = defineStoredItemFamily('shown-contacts:', {
  area: 'session',
  schema: z.array(entrySchema),
  fallback: (): ShownEntry[] => [],
  salvage: (value) =>
    Array.isArray(value)
      ? value.filter((entry): entry is ShownEntry => entrySchema.safeParse(entry).success)
      : [],
});
