/**
 * The panel's shadow root is closed, so a script of the page (a third-party script Trint loads,
 * an XSS on Trint) cannot read the contact on it or drive its buttons through `shadowRoot`.
 *
 * The end-to-end tests need to reach inside. They load a copy of the production build in which
 * this one string, and nothing else, reads `:open` (test/e2e/support/e2e-build.ts, which fails
 * when it finds the marker other than once). The mode is read from the string at run time, so the
 * bundler keeps the string as it is.
 */
export const PANEL_SHADOW_MARKER = 'ghl-panel-shadow:closed';

/** The mode the panel's shadow root is attached with: `closed`, unless this is the tests' copy. */
export function panelShadowMode(marker: string = PANEL_SHADOW_MARKER): ShadowRootMode {
  return marker.endsWith(':open') ? 'open' : 'closed';
}
