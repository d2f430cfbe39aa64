// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@/components/sync/__tests__/render-page';
import { useAnnouncer, type Announcement } from '../use-announcer';

let said: Announcement | undefined;
let announce: (text: string, tone?: 'status' | 'alert') => void = () => {};
function Probe({ about }: { about?: string }) {
  [said, announce] = useAnnouncer(about);
  return null;
}

let unmount = () => {};
const say = (text: string, tone?: 'status' | 'alert') => act(() => announce(text, tone));
const wait = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('useAnnouncer', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    said = undefined;
    unmount = (await mount(<Probe />)).unmount;
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it('says nothing at first', () => {
    expect(said).toBeUndefined();
  });

  it('says news politely by default, for 8 seconds', async () => {
    await say('Task added');
    expect(said).toMatchObject({ text: 'Task added', tone: 'status' });
    await wait(7999);
    expect(said?.text).toBe('Task added');
    await wait(1);
    expect(said).toBeUndefined();
  });

  it('keeps an error until the next announcement', async () => {
    await say('GHL refused it', 'alert');
    await wait(60_000);
    expect(said).toMatchObject({ text: 'GHL refused it', tone: 'alert' });
    await say('Saved');
    expect(said).toMatchObject({ text: 'Saved', tone: 'status' });
  });

  it('an error replacing news is not cleared by the news timer', async () => {
    await say('Saved');
    await wait(5000);
    await say('Could not save', 'alert');
    await wait(10_000);
    expect(said).toMatchObject({ text: 'Could not save', tone: 'alert' });
  });

  it('news after news shows its own full 8 seconds', async () => {
    await say('First');
    await wait(5000);
    await say('Second');
    await wait(5000);
    expect(said?.text).toBe('Second');
    await wait(3000);
    expect(said).toBeUndefined();
  });

  it('gives the same words said twice a new key, so they are read twice', async () => {
    await say('Saved');
    const first = said!.key;
    await say('Saved');
    expect(said!.text).toBe('Saved');
    expect(said!.key).not.toBe(first);
  });

  it('stops its timer when the panel goes', async () => {
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    await say('Saved');
    const timer = set.mock.results[set.mock.calls.findIndex(([, ms]) => ms === 8000)]?.value;
    expect(timer).toBeDefined();
    clear.mockClear();
    // Preact runs effect cleanups after paint: act flushes them.
    await act(() => unmount());
    unmount = () => {};
    expect(clear).toHaveBeenCalledWith(timer);
  });

  it('forgets news about one transcript when another is shown', async () => {
    unmount();
    const container = document.createElement('div');
    document.body.append(container);
    await act(() => render(<Probe about="tr-1" />, container));
    await say('Selection saved as a note', 'alert');
    await act(() => render(<Probe about="tr-1" />, container));
    expect(said?.text).toBe('Selection saved as a note');
    await act(() => render(<Probe about="tr-2" />, container));
    expect(said).toBeUndefined();
    unmount = () => render(null, container);
  });
});
