// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { createPanelHost } from '../panel-host';
import { PANEL_SHADOW_MARKER, panelShadowMode } from '../shadow-mode';

describe('createPanelHost', () => {
  it('makes <ghl-trint-panel> off the page, a manual popover with a closed shadow root holding a style and the container', () => {
    const { host, shadow, container } = createPanelHost(document);
    expect(host.localName).toBe(PANEL_HOST_TAG);
    expect(host.isConnected).toBe(false);
    expect(host.getAttribute('popover')).toBe('manual');
    // Closed: a script of the page finds no way in through the host.
    expect(host.shadowRoot).toBeNull();
    expect(shadow.mode).toBe('closed');
    expect([...shadow.children].map((child) => child.localName)).toEqual(['style', 'div']);
    expect(shadow.lastElementChild).toBe(container);
  });

  it('lets no event a script made reach the panel’s handlers, nor do its default action', () => {
    const { host, container } = createPanelHost(document);
    document.body.append(host);
    const button = document.createElement('button');
    const clicked = vi.fn();
    button.addEventListener('click', clicked);
    const form = document.createElement('form');
    const submitted = vi.fn();
    form.addEventListener('submit', submitted);
    container.append(button, form);

    button.click();
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    const keydown = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    button.dispatchEvent(keydown);

    expect(clicked).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
    expect(submit.defaultPrevented).toBe(true);
    expect(keydown.defaultPrevented).toBe(true);
    host.remove();
  });
});

describe('panelShadowMode', () => {
  it('is closed in the production build, open only where the e2e copy rewrote the marker', () => {
    expect(PANEL_SHADOW_MARKER).toBe('ghl-panel-shadow:closed');
    expect(panelShadowMode()).toBe('closed');
    expect(panelShadowMode('ghl-panel-shadow:open')).toBe('open');
  });
});
