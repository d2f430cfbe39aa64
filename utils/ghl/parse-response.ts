import type { z } from 'zod';
import { GhlError } from './ghl-error';

/**
 * Parses a 2xx answer: JSON first, then the operation's zod schema. Either failure is a
 * 'bad-response' GhlError that names the operation and the first field that did not match, so a
 * change on GHL's side shows up as a clear message, not as `undefined` deep in the UI.
 */
export function parseResponseBody<Res extends z.ZodType>(
  endpoint: string,
  schema: Res,
  text: string,
): z.infer<Res> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // No cause: JSON.parse quotes short inputs in its message, and a token answer is a secret.
    throw new GhlError('bad-response', endpoint, {
      detail: `GHL answered ${endpoint} with something that is not JSON.`,
    });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(the whole answer)';
  throw new GhlError('bad-response', endpoint, {
    detail: `GHL answered ${endpoint} with an unexpected value in field ${field}: ${issue?.message ?? 'invalid'}.`,
    cause: parsed.error,
  });
}
