/**
 * The origins a broker answers: exact `scheme://host` strings, never a pattern. An extension's
 * background sends `chrome-extension://<id>` (Chrome, Edge) or `moz-extension://<uuid>` (Firefox)
 * as its Origin; http(s) origins are allowed too, for a local test page.
 */
const ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension|https?):\/\/[^/\s*?#]+$/;

/**
 * Why `origin` cannot be an allowed origin, or undefined if it can. A wildcard would let any web
 * page spend codes through the broker; a trailing slash or path would never match, because
 * browsers send the bare origin.
 */
export function originProblem(origin: string): string | undefined {
  if (origin === '*' || origin.includes('*')) return `"${origin}": wildcards are not allowed`;
  if (origin === 'null') return '"null" is the origin of sandboxed pages, never an extension';
  if (!ORIGIN.test(origin)) {
    return `"${origin}" is not an origin like chrome-extension://<id> or moz-extension://<uuid> (no path, no trailing slash)`;
  }
  return undefined;
}

/** Splits a comma-separated list (BROKER_ALLOWED_ORIGINS), dropping blanks around commas. */
export function splitOrigins(list: string): string[] {
  return list
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}
