// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, click, mount } from '@/components/sync/__tests__/render-page';
import { ConfirmDelete } from '../confirm-delete';

let unmount = () => {};
async function show(onConfirm = vi.fn()) {
  const page = await mount(
    <div>
      <h3 tabIndex={-1}>Tasks</h3>
      <ConfirmDelete what="task ‘Send proposal’" onConfirm={onConfirm} />
    </div>,
  );
  unmount = page.unmount;
  const opener = () => button(page.container, 'Delete task ‘Send proposal’');
  await click(opener());
  return { page: page.container, opener, onConfirm };
}

describe('ConfirmDelete', () => {
  afterEach(() => unmount());

  it('asks with the focus on Cancel, and Cancel gives the focus back to the button', async () => {
    const { page, opener, onConfirm } = await show();
    expect(document.activeElement).toBe(button(page, 'Cancel'));
    await click(button(page, 'Cancel'));
    expect(page.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).toBe(opener());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('Escape cancels and gives the focus back to the button', async () => {
    const { page, opener, onConfirm } = await show();
    await act(() => {
      button(page, 'Cancel').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(page.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).toBe(opener());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('after confirming, leaves the focus where onConfirm put it, not on the button', async () => {
    // The button is about to be disabled (pending) or removed: the caller picks a stable target.
    const { page, opener, onConfirm } = await show(
      vi.fn(() => document.querySelector<HTMLElement>('h3')!.focus()),
    );
    await click(button(page, 'Yes, delete'));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(page.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).not.toBe(opener());
    expect(document.activeElement).toBe(page.querySelector('h3'));
  });
});
