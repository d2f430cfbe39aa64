/**
 * Where the client gets its bearer token. The background supplies one per connection: a Private
 * Integration token (no refresh) or OAuth tokens that refresh.
 */
export interface TokenProvider {
  /** The token to send now. */
  getAccessToken(): Promise<string>;
  /**
   * Called after a 401 with the token GHL refused; returns a token to retry with. Throws a
   * GhlError of kind 'reconnect-needed' when the credentials cannot be renewed. Concurrent calls
   * must share one refresh (build it with {@link singleFlightRefresh}). Absent for tokens that
   * cannot be refreshed (Private Integration tokens).
   */
  refresh?(rejectedToken: string): Promise<string>;
}

/** What {@link singleFlightRefresh} is built from. */
export interface RefreshSource {
  /** The token stored now, read without side effects (never starts a refresh). */
  currentToken(): Promise<string>;
  /**
   * Trades the stored refresh token for a new pair, stores it, returns the new access token.
   * Gets the refused token so it can check again (e.g. under a lock shared with other contexts)
   * that nobody replaced it meanwhile.
   */
  refresh(rejectedToken: string): Promise<string>;
}

/**
 * A refresh that concurrent callers share. With rotating refresh tokens a second refresh would
 * spend an already-used refresh token and get the whole token family revoked, so this matters:
 * fifty requests failing together must cause exactly one refresh.
 *
 * Refreshes are keyed by the refused token and registered before any await, so a caller that
 * arrives late (even after the refresh finished) gets the replacement instead of refreshing again.
 */
export function singleFlightRefresh(
  source: RefreshSource,
): (rejectedToken: string) => Promise<string> {
  const replacements = new Map<string, Promise<string>>();
  return (rejectedToken) => {
    const known = replacements.get(rejectedToken);
    if (known) return known;
    const replacement = (async () => {
      // Another context may have replaced the refused token already: use that one.
      const current = await source.currentToken();
      return current !== rejectedToken ? current : source.refresh(rejectedToken);
    })();
    replacements.set(rejectedToken, replacement);
    // A failed refresh may be tried again later; only the last few tokens are remembered.
    replacement.catch(() => replacements.delete(rejectedToken));
    if (replacements.size > 8) replacements.delete(replacements.keys().next().value!);
    return replacement;
  };
}
