import { z } from 'zod';
import { optionalText } from './shared-fields';
import { tolerantList } from './tolerant-list';

/** A note on a contact (apps/contacts.json `GetNoteSchema`: every field optional, even the body). */
export const noteSchema = z.looseObject({
  id: z.string(),
  body: optionalText,
  userId: optionalText,
  dateAdded: optionalText,
  contactId: optionalText,
  title: optionalText,
  color: optionalText,
  pinned: z.boolean().nullish(),
});
export type GhlNote = z.infer<typeof noteSchema>;

/** `GetNotesListSuccessfulResponseDto`. */
export const noteListResponse = z.looseObject({ notes: tolerantList(noteSchema) });

/** `GetCreateUpdateNoteSuccessfulResponseDto`. */
export const noteResponse = z.looseObject({ note: noteSchema });

/** `NotesDTO` (POST …/notes): only the body is required. */
export const createNoteBody = z.strictObject({
  userId: z.string().optional(),
  body: z.string(),
  title: z.string().optional(),
  color: z.string().optional(),
  pinned: z.boolean().optional(),
});
export type CreateNoteInput = z.input<typeof createNoteBody>;

/** `UpdateNoteDTO` (PUT …/notes/:id): any subset. */
export const updateNoteBody = createNoteBody.partial();
export type UpdateNoteInput = z.input<typeof updateNoteBody>;
