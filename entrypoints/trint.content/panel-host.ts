import panelCss from '@/components/panel/panel-styles.css?inline';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';

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
 * createShadowRootUi does: the panel can show the moment the page is a transcript. The shadow
 * root is open, as WXT's was: the end-to-end tests reach into it through `shadowRoot`.
 */
export function createPanelHost(doc: Document): PanelHost {
  const host = doc.createElement(PANEL_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = panelCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  return { host, shadow, container };
}
