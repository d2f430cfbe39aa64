// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { createPanelHost } from '../panel-host';

describe('createPanelHost', () => {
  it('makes <ghl-trint-panel> off the page, with an open shadow root holding a style and the container', () => {
    const { host, shadow, container } = createPanelHost(document);
    expect(host.localName).toBe(PANEL_HOST_TAG);
    expect(host.isConnected).toBe(false);
    // Open: the end-to-end tests reach the panel through `shadowRoot`.
    expect(host.shadowRoot).toBe(shadow);
    expect([...shadow.children].map((child) => child.localName)).toEqual(['style', 'div']);
    expect(shadow.lastElementChild).toBe(container);
  });
});
