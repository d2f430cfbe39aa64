/**
 * Where the client gets its bearer token. The background supplies one per connection: a Private
 * Integration token (no refresh) or OAuth tokens that refresh.
 */
export interface TokenProvider {
  /** The token to send now. */
  getAccessToken(): Promise<string>;
  /**
   * Called after a 401 with the token GHL refused; returns a token to retry with. Throws a
   * GhlError of kind 'reconnect-needed' when the credentials cannot be renewed.
   * Absent for tokens that cannot be refreshed (Private Integration tokens).
   */
  refresh?(rejectedToken: string): Promise<string>;
}

/**
 * Wraps a provider so concurrent 401s share one refresh. With rotating refresh tokens a second
 * refresh would spend an already-used refresh token and get the whole token family revoked, so
 * this matters: fifty requests failing together must cause exactly one refresh.
 */
export function singleFlightRefresh(provider: TokenProvider): TokenProvider {
  const refresh = provider.refresh?.bind(provider);
  if (!refresh) return provider;
  let running: Promise<string> | undefined;
  return {
    getAccessToken: () => provider.getAccessToken(),
    async refresh(rejectedToken) {
      if (running) return running;
      // Refused with a token that has since been replaced (by a refresh that finished meanwhile,
      // or by another context): retry with the current one instead of refreshing again.
      const current = await provider.getAccessToken();
      if (current !== rejectedToken) return current;
      running ??= refresh(rejectedToken).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
