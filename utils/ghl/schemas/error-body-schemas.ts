import { z } from 'zod';

/**
 * GHL's error bodies (common/common-schemas.json: `BadRequestDTO`, `UnauthorizedDTO`,
 * `UnprocessableDTO`). `message` is a string, or a list of strings for validation errors.
 * Parsed leniently: an error body that does not match still leaves the status to go on.
 */
export const errorBodySchema = z.looseObject({
  statusCode: z.number().optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.string().optional(),
  /** A duplicate contact refusal names the contact it matched (GHL's 400 on create). */
  meta: z.looseObject({ contactId: z.string().optional() }).optional().catch(undefined),
});
export type GhlErrorBody = z.infer<typeof errorBodySchema>;
