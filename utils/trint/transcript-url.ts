/**
 * Every origin whose pages the extension reads: Trint's app, and its EU twin where Trint's EU
 * customers work. The manifest's matches, the background's sender check and every editor URL the
 * extension builds come from this one list.
 */
export const TRINT_ORIGINS = ['https://app.trint.com', 'https://app.eu.trint.com'] as const;

/** One of {@link TRINT_ORIGINS}. */
export type TrintOrigin = (typeof TRINT_ORIGINS)[number];

/**
 * Trint's original origin: what a transcript recorded before the extension remembered hosts
 * (those records have none) is on this one.
 */
export const TRINT_ORIGIN: TrintOrigin = 'https://app.trint.com';

/** The match patterns of every Trint origin, for the manifest's content script and hosts. */
export const TRINT_MATCHES: string[] = TRINT_ORIGINS.map((origin) => `${origin}/*`);

/** Whether `origin` (as `URL.origin` spells it) is one of Trint's. */
export function isTrintOrigin(origin: unknown): origin is TrintOrigin {
  return (TRINT_ORIGINS as readonly unknown[]).includes(origin);
}

/**
 * Trint transcript ids seen in the wild are URL-safe tokens (letters, digits, `-`, `_`). Anything
 * else in that path segment is not a transcript we can key records by, so it is rejected rather
 * than guessed at.
 */
const TRANSCRIPT_ID = /^[A-Za-z0-9_-]{1,128}$/;

function toUrl(url: string | URL): URL | undefined {
  try {
    return typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
}

/** The Trint origin a URL is on, or `undefined` for any other site (or no URL at all). */
export function trintOriginOf(url: string | URL): TrintOrigin | undefined {
  const origin = toUrl(url)?.origin;
  return isTrintOrigin(origin) ? origin : undefined;
}

/**
 * The Trint origin of the page this code runs on (the content script's), or `undefined` anywhere
 * else: what the panel builds its transcript's links for.
 */
export function pageTrintOrigin(): TrintOrigin | undefined {
  return typeof location === 'undefined' ? undefined : trintOriginOf(location.href);
}

/**
 * Reads the transcript id from a Trint editor URL (`https://app.trint.com/editor/<id>`, or the
 * same on `app.eu.trint.com`).
 *
 * Query strings, hashes, a trailing slash and deeper editor sub-paths (`/editor/<id>/…`) are
 * accepted, because Trint may add them without the page stopping to be that transcript's editor.
 * Any other host, scheme, path or a malformed id yields `undefined`: the panel is not shown there.
 */
export function parseTranscriptId(url: string | URL): string | undefined {
  const parsed = toUrl(url);
  if (!parsed || !isTrintOrigin(parsed.origin)) return undefined;

  const [first, id] = parsed.pathname.split('/').filter(Boolean);
  if (first !== 'editor' || id === undefined) return undefined;
  return TRANSCRIPT_ID.test(id) ? id : undefined;
}

/**
 * The editor URL of a transcript, the inverse of {@link parseTranscriptId}: on the Trint origin
 * it was seen on. No origin (a record from before hosts were remembered) or one that is not
 * Trint's means app.trint.com, so a stored value can never point a link at another site.
 */
export function transcriptUrl(transcriptId: string, origin?: string): string {
  const host = isTrintOrigin(origin) ? origin : TRINT_ORIGIN;
  return `${host}/editor/${encodeURIComponent(transcriptId)}`;
}
