import { z } from 'zod';

/**
 * POST /oauth/token (apps/oauth.json `GetAccessCodebodyDto`, sent form-encoded): exactly the
 * documented fields.
 */
export const tokenRequestBody = z.strictObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  grant_type: z.enum(['authorization_code', 'refresh_token', 'client_credentials']),
  code: z.string().optional(),
  refresh_token: z.string().optional(),
  user_type: z.enum(['Company', 'Location']).optional(),
  redirect_uri: z.string().optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestBody>;

/** `GetAccessCodeSuccessfulResponseDto`, strict on what the extension stores. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
  userType: z.string().optional(),
  locationId: z.string().optional(),
  companyId: z.string().optional(),
  userId: z.string(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
