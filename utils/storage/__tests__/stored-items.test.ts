import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  PANEL_COPIES,
  STORED_ITEM_FAMILIES,
  STORED_ITEMS,
  type AnyStoredItem,
} from '../stored-items';

const ROOT = join(__dirname, '../../..');
const STORAGE_DIR = join(__dirname, '..');

/** Production source files (no tests) under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The browser's storage area an item's value is read from. */
const areaOf = (item: Pick<AnyStoredItem, 'area'>) =>
  item.area === 'kept' ? 'session' : item.area;

/** Values a page could plant in storage.local through a compromised content script. */
const PLANTED: unknown[] = ['garbage', 42, true, [1, 2], { version: 'next' }, [{ version: 1 }]];

describe('stored items', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The field mapping warns (without the content) when it reads an unreadable value.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('each has its own key, and a family prefix no item key starts with', () => {
    const keys = STORED_ITEMS.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const family of STORED_ITEM_FAMILIES) {
      expect(keys.filter((key) => key.startsWith(family.prefix))).toEqual([]);
    }
  });

  it('each item file of utils/storage is in the list', async () => {
    const files = readdirSync(STORAGE_DIR).filter(
      (name) => name.endsWith('-item.ts') && name !== 'stored-item.ts',
    );
    const listed = new Set<unknown>([...STORED_ITEMS, ...PANEL_COPIES, ...STORED_ITEM_FAMILIES]);
    for (const file of files) {
      const exports = Object.values(await import(`../${file.replace(/\.ts$/, '')}`));
      const items = exports.filter(
        (value) => typeof value === 'object' && value !== null && 'area' in value,
      );
      expect(items.length, file).toBeGreaterThan(0);
      for (const item of items) expect(listed.has(item), file).toBe(true);
    }
  });

  it.each(STORED_ITEMS.map((item) => [item.key, item] as const))(
    '%s reads anything planted as what it reads when nothing is stored',
    async (key, item) => {
      const nothing = await item.read();
      for (const value of PLANTED) {
        await fakeBrowser.storage[areaOf(item)].set({ [key]: value });
        expect(await item.read(), JSON.stringify(value)).toEqual(nothing);
      }
    },
  );

  it.each(STORED_ITEMS.map((item) => [item.key, item] as const))(
    '%s reads its fallback back as it is',
    async (key, item) => {
      const fallback = await item.read();
      if (fallback === undefined) return;
      await fakeBrowser.storage[areaOf(item)].set({ [key]: fallback });
      expect(await item.read()).toEqual(fallback);
    },
  );

  it('each panel copy is the copy of a kept item of the same key', () => {
    for (const copy of PANEL_COPIES) {
      const original = STORED_ITEMS.find((item) => item.key === copy.key);
      expect(original, copy.key).toMatchObject({ area: 'kept', panelCopy: true });
      expect(copy.area).toBe('local');
    }
    const copied = STORED_ITEMS.filter((item) => item.panelCopy).map((item) => item.key);
    expect(PANEL_COPIES.map((copy) => copy.key).sort()).toEqual(copied.sort());
  });

  it("no item the popup or options page can show lives in storage.local, but the panel's own", () => {
    const local = STORED_ITEMS.filter((item) => item.area === 'local').map((item) => item.key);
    expect(local.sort()).toEqual(['panelLayout', 'panelSections']);
  });

  it.each(
    STORED_ITEMS.filter((item) => item.area === 'kept').map((item) => [item.key, item] as const),
  )('%s ignores what a content script writes to storage.local', async (key, item) => {
    const fallback = await item.read();
    const trusted = await item.read();
    await fakeBrowser.storage.local.set({ [key]: { version: 1, planted: 'by a page' } });
    expect(await item.read()).toEqual(trusted);
    expect(trusted).toEqual(fallback);
  });

  it('only utils/storage/stored-item.ts calls browser.storage', () => {
    const callers = ['utils', 'entrypoints', 'components']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((path) =>
        /browser\.storage|storage\.(local|session|sync|onChanged)\./.test(
          readFileSync(path, 'utf8'),
        ),
      )
      .map((path) => relative(ROOT, path));
    // kept-values.ts restores the kept items at the background's start (and imports old ones).
    expect(callers.sort()).toEqual([
      'utils/storage/kept-values.ts',
      'utils/storage/stored-item.ts',
    ]);
  });
});
