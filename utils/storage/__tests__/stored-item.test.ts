import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { fakeBrowser } from 'wxt/testing';
import { defineStoredItem, defineStoredItemFamily } from '../stored-item';

const counter = defineStoredItem({
  key: 'counter',
  area: 'local',
  version: 2,
  schema: z.object({ version: z.literal(2), count: z.number() }),
  fallback: () => ({ version: 2 as const, count: 0 }),
  migrate(value) {
    const old = value as { version?: number; n?: unknown };
    if (old.version === 1) return { version: 2, count: old.n };
    return value;
  },
});

describe('defineStoredItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the fallback when nothing is stored', async () => {
    expect(await counter.read()).toEqual({ version: 2, count: 0 });
  });

  it('reads what it wrote, in its area, under its key', async () => {
    await counter.write({ version: 2, count: 3 });
    expect(await fakeBrowser.storage.local.get('counter')).toEqual({
      counter: { version: 2, count: 3 },
    });
    expect(await counter.read()).toEqual({ version: 2, count: 3 });
    await counter.remove();
    expect(await fakeBrowser.storage.local.get('counter')).toEqual({});
  });

  it('migrates an older version as it reads it', async () => {
    await fakeBrowser.storage.local.set({ counter: { version: 1, n: 7 } });
    expect(await counter.read()).toEqual({ version: 2, count: 7 });
  });

  it.each([
    ['a string', 'lots'],
    ['a wrong field', { version: 2, count: 'three' }],
    ['a newer version', { version: 3, count: 1 }],
    ['a migration that fails', { version: 1, n: 'x' }],
  ])('reads %s (planted by a page, say) as the fallback', async (_name, planted) => {
    await fakeBrowser.storage.local.set({ counter: planted });
    expect(await counter.read()).toEqual({ version: 2, count: 0 });
  });

  it('reads as the fallback when the migration throws', async () => {
    const throwing = defineStoredItem({
      key: 'k',
      area: 'local',
      schema: z.number(),
      fallback: () => -1,
      migrate: () => {
        throw new Error('unknown format');
      },
    });
    await fakeBrowser.storage.local.set({ k: 5 });
    expect(await throwing.read()).toBe(-1);
  });

  it('keeps what salvage makes of a value the schema refuses', async () => {
    const list = defineStoredItem({
      key: 'list',
      area: 'local',
      schema: z.array(z.number()),
      fallback: (): number[] => [],
      salvage: (value) => (Array.isArray(value) ? value.filter((n) => typeof n === 'number') : []),
    });
    await fakeBrowser.storage.local.set({ list: [1, 'two', 3] });
    expect(await list.read()).toEqual([1, 3]);
  });

  it('watches its own key in its own area, parsed', async () => {
    const seen = vi.fn();
    const stop = counter.watch(seen);
    await fakeBrowser.storage.local.set({ counter: { version: 1, n: 2 } });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.session.set({ counter: { version: 2, count: 9 } });
    await fakeBrowser.storage.local.set({ counter: 'garbage' });
    await fakeBrowser.storage.local.remove('counter');
    stop();
    await fakeBrowser.storage.local.set({ counter: { version: 2, count: 4 } });
    expect(seen.mock.calls).toEqual([
      [{ version: 2, count: 2 }],
      [{ version: 2, count: 0 }],
      [{ version: 2, count: 0 }],
    ]);
  });
});

describe('defineStoredItemFamily', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one value per id under the prefix, in its area', async () => {
    const perTab = defineStoredItemFamily('tab:', {
      area: 'session',
      schema: z.string(),
      fallback: () => '',
    });
    await perTab.item(1).write('one');
    await perTab.item(2).write('two');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'tab:1': 'one', 'tab:2': 'two' });
    expect(await perTab.item(1).read()).toBe('one');
    await perTab.item(1).remove();
    expect(await perTab.item(1).read()).toBe('');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
