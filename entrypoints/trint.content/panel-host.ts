import panelCss from '@/components/panel/panel-styles.css?inline';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { panelShadowMode } from './shadow-mode';
import { ignoreUntrustedEvents } from './untrusted-events';

/** The panel's place in Trint's page: its host element, shadow root and the node it renders in. */
export interface PanelHost {
  /** `<ghl-trint-panel>`: on the page while the panel shows. */
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where Preact renders the panel, inside the shadow root. */
  container: HTMLElement;
}

/**
 * Makes the panel's host with its stylesheet already inside, off the page. The stylesheet is
 * part of the script (Vite's `?inline`), not a file fetched from the extension as WXT's
 * createShadowRootUi does: the panel can show the moment the page is a transcript.
 *
 * The shadow root is closed (shadow-mode.ts says why and how the e2e tests reach in) and ignores
 * events a script made. The host is a manual popover, so it can be put in the top layer, above
 * any z-index of the page (top-layer.ts).
 */
export function createPanelHost(doc: Document): PanelHost {
  const host = doc.createElement(PANEL_HOST_TAG);
  host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: panelShadowMode() });
  ignoreUntrustedEvents(shadow);
  const style = doc.createElement('style');
  style.textContent = panelCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  return { host, shadow, container };
}
