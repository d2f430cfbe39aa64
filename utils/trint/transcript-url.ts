/** The only origin whose pages the extension reads. */
export const TRINT_ORIGIN = 'https://app.trint.com';

/**
 * Trint transcript ids seen in the wild are URL-safe tokens (letters, digits, `-`, `_`). Anything
 * else in that path segment is not a transcript we can key records by, so it is rejected rather
 * than guessed at.
 */
const TRANSCRIPT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Reads the transcript id from a Trint editor URL (`https://app.trint.com/editor/<id>`).
 *
 * Query strings, hashes, a trailing slash and deeper editor sub-paths (`/editor/<id>/…`) are
 * accepted, because Trint may add them without the page stopping to be that transcript's editor.
 * Any other host, scheme, path or a malformed id yields `undefined`: the panel is not shown there.
 */
export function parseTranscriptId(url: string | URL): string | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (parsed.origin !== TRINT_ORIGIN) return undefined;

  const [first, id] = parsed.pathname.split('/').filter(Boolean);
  if (first !== 'editor' || id === undefined) return undefined;
  return TRANSCRIPT_ID.test(id) ? id : undefined;
}

/** The editor URL of a transcript, the inverse of {@link parseTranscriptId}. */
export function transcriptUrl(transcriptId: string): string {
  return `${TRINT_ORIGIN}/editor/${encodeURIComponent(transcriptId)}`;
}
