import { browser } from 'wxt/browser';

/**
 * One value kept in extension storage, declared once (see stored-items.ts): its key, its area, the
 * schema every read checks, what reads when nothing usable is stored, and the migration from
 * older versions. This module is the only one that calls `browser.storage` (with kept-values.ts,
 * which restores `kept` items at the background's start).
 *
 * Why not WXT's `storage.defineItem`: it checks no schema (its fallback covers only a missing
 * value), while a content script on a hostile page can write storage.local, so every read here
 * must validate; it keeps versions in a separate `key$` entry, while our stored values carry their
 * `version` inside (existing installs have no `key$`); and it runs migrations, writing, in
 * whichever context defines the item first, while only the background may write.
 */

/**
 * Where a value lives: `local` (every context, content scripts included, reads and can write
 * it), `session` (trusted contexts only: content scripts can neither read nor write it; gone when
 * the browser closes) or `kept`: read and watched in storage.session like `session`, and kept
 * across browser restarts by the background in the extension's IndexedDB (kept-values.ts), which
 * a content script cannot open either. What the popup and options page show, and every setting,
 * is `kept`, so nothing a content script writes reaches them.
 */
export type StorageAreaName = 'local' | 'session' | 'kept';

/**
 * The background's persistence of `kept` values (kept-values.ts, installed by createBackground).
 * Other contexts have none: they only read, and IndexedDB code stays out of the content script.
 */
export interface KeptBacking {
  /** Settles once the kept values are restored into storage.session (reads wait for it). */
  readonly ready: Promise<void>;
  /** Persists a value (`undefined`: removed) before it is published. */
  save(key: string, value: unknown): Promise<void>;
}

let keptBacking: KeptBacking | undefined;

/**
 * Makes `kept` items of this context persist through `backing` (the background only). A module
 * setting, not a parameter: the items are declared once at module level and read everywhere.
 */
export function installKeptBacking(backing: KeptBacking | undefined): void {
  keptBacking = backing;
}

/** What the value must be (a zod schema, classic or mini). */
export interface ValueSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Everything about one stored value. */
export interface StoredItemSpec<T, F = T> {
  key: string;
  area: StorageAreaName;
  /** What a stored value must be, after migration, to be used as it is. */
  schema: ValueSchema<T>;
  /** What reads when nothing is stored or the value cannot be used; a fresh copy each time. */
  fallback: () => F;
  /**
   * The format's version, carried in the value's own `version` field; `undefined` for a snapshot
   * the background republishes whole (a status), which never needs migrating.
   */
  version?: number;
  /** Brings a value of an older version to `version`; throws when it cannot (reads as fallback). */
  migrate?: (value: unknown) => unknown;
  /** What a value the schema refuses still gives (e.g. settings, field by field); else fallback. */
  salvage?: (value: unknown) => T | F;
  /**
   * A `kept` value Trint panels need too: each write also copies it to storage.local under the
   * same key, for the panel's own item (area `local`). Privileged pages never read that copy.
   */
  panelCopy?: boolean;
}

/** A declared stored value: typed reads that validate, writes for the background only. */
export interface StoredItem<T> {
  readonly key: string;
  readonly area: StorageAreaName;
  readonly version: number | undefined;
  /** Whether a `kept` value is also copied to storage.local for Trint panels. */
  readonly panelCopy: boolean;
  /** The stored value, migrated and checked; the fallback when none or unusable. */
  read(): Promise<T>;
  /** What a raw stored value reads as (the same rules as `read`). */
  parse(raw: unknown): T;
  /** Calls `onChange` with the new value (as `read` would give it) whenever it changes. */
  watch(onChange: (value: T) => void): () => void;
  /** Stores a value. Background only: other contexts ask it by message. */
  write(value: T): Promise<void>;
  /** Removes the value (reads as the fallback). Background only. */
  remove(): Promise<void>;
}

/** Declares a stored value (see {@link StoredItemSpec}). */
export function defineStoredItem<T, F = T>(spec: StoredItemSpec<T, F>): StoredItem<T | F> {
  const { key, area, schema, fallback, migrate, salvage, panelCopy } = spec;
  const storageArea = area === 'kept' ? 'session' : area;
  const storage = () => browser.storage[storageArea];

  function parse(raw: unknown): T | F {
    if (raw === undefined || raw === null) return fallback();
    let value: unknown = raw;
    if (migrate) {
      try {
        value = migrate(raw);
      } catch {
        return fallback();
      }
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    return salvage ? salvage(raw) : fallback();
  }

  return {
    key,
    area,
    version: spec.version,
    panelCopy: panelCopy === true,
    parse,
    async read() {
      if (area === 'kept') await keptBacking?.ready;
      return parse((await storage().get(key))[key]);
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changed: string) => {
        if (changed === storageArea && key in changes) onChange(parse(changes[key]!.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    async write(value) {
      if (area === 'kept') await keptBacking?.save(key, value);
      await storage().set({ [key]: value });
      if (panelCopy) await browser.storage.local.set({ [key]: value });
    },
    async remove() {
      if (area === 'kept') await keptBacking?.save(key, undefined);
      await storage().remove(key);
      if (panelCopy) await browser.storage.local.remove(key);
    },
  };
}

/** Declares a family of stored values, one per id (e.g. per tab), under `prefix` + id. */
export function defineStoredItemFamily<T, F = T>(
  prefix: string,
  spec: Omit<StoredItemSpec<T, F>, 'key'>,
): { prefix: string; area: StorageAreaName; item(id: string | number): StoredItem<T | F> } {
  return {
    prefix,
    area: spec.area,
    item: (id) => defineStoredItem({ ...spec, key: prefix + String(id) }),
  };
}
