// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mount, settle } from '@/components/sync/__tests__/render-page';
import { useStorageValue } from '../use-storage-value';

/** A stored item whose first read answers only when the test says so. */
function slowItem() {
  const watchers: ((value: string) => void)[] = [];
  let answerRead: (value: string) => void = () => {};
  return {
    key: 'slow',
    read: () => new Promise<string>((resolve) => (answerRead = resolve)),
    watch(callback: (value: string) => void) {
      watchers.push(callback);
      return () => watchers.splice(watchers.indexOf(callback), 1);
    },
    change: (value: string) => watchers.forEach((w) => w(value)),
    answerRead: (value: string) => answerRead(value),
  };
}

describe('useStorageValue', () => {
  let unmount = () => {};
  afterEach(() => unmount());

  async function show(item: ReturnType<typeof slowItem>) {
    function Probe() {
      return <p>{useStorageValue(item) ?? 'nothing yet'}</p>;
    }
    const page = await mount(<Probe />);
    unmount = page.unmount;
    return page.container;
  }

  it('shows the first read', async () => {
    const item = slowItem();
    const container = await show(item);
    expect(container.textContent).toBe('nothing yet');
    await act(() => item.answerRead('stored'));
    await settle();
    expect(container.textContent).toBe('stored');
  });

  it('keeps a change seen while the first read was on its way, not the older read', async () => {
    const item = slowItem();
    const container = await show(item);
    await act(() => item.change('newer'));
    await act(() => item.answerRead('older'));
    await settle();
    expect(container.textContent).toBe('newer');
  });
});
