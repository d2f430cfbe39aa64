import { z } from 'zod';

/** `TagsDTO`: the body of POST and DELETE /contacts/:contactId/tags. */
export const tagsBody = z.strictObject({ tags: z.array(z.string()) });

/** `CreateAddTagSuccessfulResponseDto` / `CreateDeleteTagSuccessfulResponseDto`. */
export const tagsResponse = z.looseObject({ tags: z.array(z.string()) });
