/**
 * IndexedDB refuses writes once the origin's storage quota is spent. That must be reported to the
 * person (the popup shows it), never swallowed: a write that is not cached is a write that can be
 * lost.
 */
export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** The words a person sees when the browser refused to store more. */
export const QUOTA_MESSAGE =
  'The browser refused to store more data for GHL for Trint (storage quota reached). Free space, or remove cached data from the settings page.';

/** A write the browser refused for lack of space; its message is {@link QUOTA_MESSAGE}. */
export class QuotaError extends Error {
  override readonly name: string = 'QuotaError';
  constructor(cause: unknown) {
    super(QUOTA_MESSAGE, { cause });
  }
}
