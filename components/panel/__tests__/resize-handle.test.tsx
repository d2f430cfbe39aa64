// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@/components/sync/__tests__/render-page';
import { PANEL_WIDTH } from '../panel-layout';
import { ResizeHandle } from '../resize-handle';

let unmount = () => {};
async function show(width: number) {
  const onResize = vi.fn<(width: number, done: boolean) => void>();
  const page = await mount(<ResizeHandle width={width} onResize={onResize} />);
  unmount = page.unmount;
  const handle = page.container.querySelector<HTMLElement>('[role="separator"]')!;
  return { handle, onResize };
}

async function press(element: Element, key: string) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  await act(() => {
    element.dispatchEvent(event);
  });
  return event;
}

async function pointer(element: Element, type: string, clientX: number) {
  await act(() => {
    element.dispatchEvent(new PointerEvent(type, { clientX, pointerId: 1, bubbles: true }));
  });
}

describe('ResizeHandle', () => {
  const initialWidth = window.innerWidth;
  beforeEach(() => {
    window.innerWidth = 1400;
  });
  afterEach(() => {
    unmount();
    window.innerWidth = initialWidth;
  });

  it('is a focusable, named vertical separator that tells its width and bounds', async () => {
    const { handle } = await show(340);
    expect(handle.tabIndex).toBe(0);
    expect(handle.getAttribute('aria-label')).toBe('Resize the GHL panel');
    expect(handle.getAttribute('aria-orientation')).toBe('vertical');
    expect(handle.getAttribute('aria-valuenow')).toBe('340');
    expect(handle.getAttribute('aria-valuemin')).toBe(String(PANEL_WIDTH.min));
    expect(handle.getAttribute('aria-valuemax')).toBe(String(PANEL_WIDTH.max));
  });

  it.each([
    { key: 'ArrowLeft', width: 340, expected: 364 },
    { key: 'ArrowRight', width: 340, expected: 316 },
    { key: 'Home', width: 500, expected: PANEL_WIDTH.min },
    { key: 'End', width: 300, expected: PANEL_WIDTH.max },
    // Clamped at the bounds.
    { key: 'ArrowLeft', width: PANEL_WIDTH.max - 10, expected: PANEL_WIDTH.max },
    { key: 'ArrowRight', width: PANEL_WIDTH.min + 10, expected: PANEL_WIDTH.min },
  ])('$key from $width resizes to $expected, remembered', async ({ key, width, expected }) => {
    const { handle, onResize } = await show(width);
    const event = await press(handle, key);
    expect(onResize).toHaveBeenCalledTimes(1);
    expect(onResize).toHaveBeenCalledWith(expected, true);
    // The page must not scroll as well.
    expect(event.defaultPrevented).toBe(true);
  });

  it('keeps within a narrow window', async () => {
    window.innerWidth = 500;
    const { handle, onResize } = await show(440);
    await press(handle, 'End');
    expect(onResize).toHaveBeenCalledWith(452, true);
  });

  it('ignores other keys and lets them do what they do', async () => {
    const { handle, onResize } = await show(340);
    const event = await press(handle, 'Tab');
    await press(handle, 'a');
    expect(onResize).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('drag: reports widths while moving (not remembered), and the last one at the end', async () => {
    const { handle, onResize } = await show(340);
    await pointer(handle, 'pointerdown', 1000);
    // Moving left widens the panel (it sits on the right).
    await pointer(handle, 'pointermove', 960);
    await pointer(handle, 'pointermove', 900);
    // Far to the right: no narrower than the minimum.
    await pointer(handle, 'pointermove', 1300);
    await pointer(handle, 'pointerup', 950);
    expect(onResize.mock.calls).toEqual([
      [380, false],
      [440, false],
      [PANEL_WIDTH.min, false],
      [390, true],
    ]);
  });

  it('drag: does nothing when the pointer moves without having been pressed on it', async () => {
    const { handle, onResize } = await show(340);
    await pointer(handle, 'pointermove', 900);
    await pointer(handle, 'pointerup', 900);
    expect(onResize).not.toHaveBeenCalled();
  });

  it('drag: ends at the pointer up, later moves are ignored', async () => {
    const { handle, onResize } = await show(340);
    await pointer(handle, 'pointerdown', 1000);
    await pointer(handle, 'pointerup', 990);
    await pointer(handle, 'pointermove', 800);
    expect(onResize.mock.calls).toEqual([[350, true]]);
  });

  it('drag: an interrupted drag ends where it got to, remembered, and later moves are ignored', async () => {
    const { handle, onResize } = await show(340);
    await pointer(handle, 'pointerdown', 1000);
    await pointer(handle, 'pointermove', 940);
    await pointer(handle, 'pointercancel', 0);
    await pointer(handle, 'pointermove', 800);
    expect(onResize.mock.calls).toEqual([
      [400, false],
      [400, true],
    ]);
  });

  it('drag: keeps within a narrow window', async () => {
    window.innerWidth = 500;
    const { handle, onResize } = await show(340);
    await pointer(handle, 'pointerdown', 400);
    await pointer(handle, 'pointerup', 0);
    expect(onResize).toHaveBeenCalledWith(452, true);
  });
});
