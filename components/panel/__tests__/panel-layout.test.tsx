// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mount, settle, waitFor } from '@/components/sync/__tests__/render-page';
import {
  clampWidth,
  PANEL_WIDTH,
  parsePanelLayout,
  usePanelLayout,
  type PanelLayout,
} from '../panel-layout';
import { PANEL_LAYOUT_KEY } from '@/utils/storage/panel-layout-item';
import { listenAsBackground } from '@/test/support/settings-background';

const DEFAULT = { version: 1, collapsed: false, width: PANEL_WIDTH.initial };

describe('clampWidth', () => {
  it.each([
    { width: 340, viewport: undefined, expected: 340 },
    { width: 100, viewport: undefined, expected: PANEL_WIDTH.min },
    { width: 5000, viewport: undefined, expected: PANEL_WIDTH.max },
    { width: -20, viewport: undefined, expected: PANEL_WIDTH.min },
    { width: 300.6, viewport: undefined, expected: 301 },
    // A window of 500px keeps 48px of Trint visible: at most 452px.
    { width: 600, viewport: 500, expected: 452 },
    { width: 400, viewport: 500, expected: 400 },
    // A window narrower than the minimum plus the margin still gets the minimum.
    { width: 600, viewport: 300, expected: PANEL_WIDTH.min },
    { width: 900, viewport: 2000, expected: PANEL_WIDTH.max },
  ])('clampWidth($width, $viewport) is $expected', ({ width, viewport, expected }) => {
    expect(clampWidth(width, viewport)).toBe(expected);
  });
});

describe('parsePanelLayout', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'collapsed'],
    ['another version', { version: 2, collapsed: true, width: 400 }],
    ['no version', { collapsed: true, width: 400 }],
    ['collapsed as text', { version: 1, collapsed: 'true', width: 400 }],
    ['width as text', { version: 1, collapsed: true, width: '400' }],
    ['no width', { version: 1, collapsed: true }],
  ])('gives the default for %s', (_name, raw) => {
    expect(parsePanelLayout(raw)).toEqual(DEFAULT);
  });

  it('keeps a stored layout', () => {
    expect(parsePanelLayout({ version: 1, collapsed: true, width: 500 })).toEqual({
      version: 1,
      collapsed: true,
      width: 500,
    });
  });

  it('brings a stored width back within bounds', () => {
    expect(parsePanelLayout({ version: 1, collapsed: false, width: 9000 }).width).toBe(
      PANEL_WIDTH.max,
    );
    expect(parsePanelLayout({ version: 1, collapsed: false, width: 10 }).width).toBe(
      PANEL_WIDTH.min,
    );
  });
});

describe('usePanelLayout', () => {
  let current: [PanelLayout, (change: Partial<PanelLayout>) => void] | undefined;
  function Probe() {
    current = usePanelLayout();
    return <p>{JSON.stringify(current[0])}</p>;
  }
  let unmount = () => {};
  async function show() {
    const page = await mount(<Probe />);
    unmount = page.unmount;
    await settle();
  }

  beforeEach(() => {
    fakeBrowser.reset();
    listenAsBackground();
    current = undefined;
  });
  afterEach(() => unmount());

  it('starts from the default when nothing is stored', async () => {
    await show();
    expect(current?.[0]).toEqual(DEFAULT);
  });

  it('reads the stored layout', async () => {
    await fakeBrowser.storage.local.set({
      [PANEL_LAYOUT_KEY]: { version: 1, collapsed: true, width: 420 },
    });
    await show();
    expect(current?.[0]).toEqual({ version: 1, collapsed: true, width: 420 });
  });

  it('remembers a change in storage.local, keeping the rest of the layout', async () => {
    await fakeBrowser.storage.local.set({
      [PANEL_LAYOUT_KEY]: { version: 1, collapsed: false, width: 420 },
    });
    await show();
    await act(() => current![1]({ collapsed: true }));
    await settle();
    expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toEqual({
      version: 1,
      collapsed: true,
      width: 420,
    });
    await waitFor(() => expect(current?.[0].collapsed).toBe(true));

    await act(() => current![1]({ width: 500 }));
    await settle();
    expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toEqual({
      version: 1,
      collapsed: true,
      width: 500,
    });
  });

  it('follows a change made in another tab', async () => {
    await show();
    await fakeBrowser.storage.local.set({
      [PANEL_LAYOUT_KEY]: { version: 1, collapsed: true, width: 600 },
    });
    await waitFor(() => expect(current?.[0]).toEqual({ version: 1, collapsed: true, width: 600 }));
  });

  it('shows a change at once, so a second quick change starts from it', async () => {
    await show();
    // Two arrow presses before the background stored either: the second builds on the first.
    act(() => current![1]({ width: current![0].width + 24 }));
    act(() => current![1]({ width: current![0].width + 24 }));
    expect(current?.[0].width).toBe(PANEL_WIDTH.initial + 48);
    await settle();
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toEqual({
        version: 1,
        collapsed: false,
        width: PANEL_WIDTH.initial + 48,
      }),
    );
    expect(current?.[0].width).toBe(PANEL_WIDTH.initial + 48);
  });

  it('follows another tab again once its own change is stored', async () => {
    await show();
    await act(() => current![1]({ width: 500 }));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toEqual(
        expect.objectContaining({ width: 500 }),
      ),
    );
    await settle();
    await fakeBrowser.storage.local.set({
      [PANEL_LAYOUT_KEY]: { version: 1, collapsed: false, width: 300 },
    });
    await waitFor(() => expect(current?.[0].width).toBe(300));
  });
});
