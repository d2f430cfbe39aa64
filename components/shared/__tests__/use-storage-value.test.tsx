// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mount, settle } from '@/components/sync/__tests__/render-page';
import { readStoredEarly } from '../early-stored';
import { useStorageValue } from '../use-storage-value';

/** A stored item whose first read answers only when the test says so. */
function slowItem(key = 'slow') {
  const watchers: ((value: string) => void)[] = [];
  let answerRead: (value: string) => void = () => {};
  let reads = 0;
  return {
    key,
    read: () => {
      reads += 1;
      return new Promise<string>((resolve) => (answerRead = resolve));
    },
    reads: () => reads,
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

  describe('with the item read early (the Trint panel, early-stored.ts)', () => {
    const stop = new AbortController();
    afterEach(() => stop.abort());

    it('first renders the value the early read found, and reads no more', async () => {
      const item = slowItem('early-known');
      readStoredEarly([item], stop.signal);
      item.answerRead('stored');
      await settle();
      let renders = 0;
      function Probe() {
        renders += 1;
        return <p>{useStorageValue(item) ?? 'nothing yet'}</p>;
      }
      const page = await mount(<Probe />);
      unmount = page.unmount;
      // One render, already with the value: nothing comes after it to render the panel again.
      expect(page.container.textContent).toBe('stored');
      await settle();
      expect(renders).toBe(1);
      expect(item.reads()).toBe(1);
      await act(() => item.change('changed'));
      expect(page.container.textContent).toBe('changed');
    });

    it('waits for the early read still on its way, and knows a change made before it mounted', async () => {
      const item = slowItem('early-changed');
      readStoredEarly([item], stop.signal);
      const container = await show(item);
      expect(container.textContent).toBe('nothing yet');
      await act(() => item.answerRead('stored'));
      await settle();
      expect(container.textContent).toBe('stored');
      expect(item.reads()).toBe(1);
      unmount();
      await act(() => item.change('changed while no panel showed'));
      expect((await show(item)).textContent).toBe('changed while no panel showed');
    });
  });
});
