/**
 * The redirect URIs a broker forwards a code with: for each allowed `chrome-extension://<id>`
 * origin, the `https://<id>.chromiumapp.org/` Chrome's `identity.getRedirectURL()` gives that
 * extension, and any others configured (Firefox's `https://<hash>.extensions.allizom.org/`, which
 * is derived from the add-on id, not from the `moz-extension://` origin). A code GHL issued for
 * any other redirect is not the extension's to exchange, so the broker refuses it rather than
 * lend its secret to it.
 */
export function allowedRedirectUris(
  allowedOrigins: readonly string[],
  extra: readonly string[] = [],
): Set<string> {
  const derived = allowedOrigins
    .map((origin) => /^chrome-extension:\/\/([a-p]{32})$/.exec(origin)?.[1])
    .filter((id): id is string => id !== undefined)
    .map((id) => `https://${id}.chromiumapp.org/`);
  return new Set([...derived, ...extra]);
}

const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9]+\.(chromiumapp\.org|extensions\.allizom\.org)\/$/;

/** Why `uri` cannot be a configured redirect URI, or undefined if it can. */
export function redirectUriProblem(uri: string): string | undefined {
  return EXTENSION_REDIRECT.test(uri)
    ? undefined
    : `"${uri}" is not an extension redirect URL like https://<id>.chromiumapp.org/ or https://<hash>.extensions.allizom.org/`;
}
