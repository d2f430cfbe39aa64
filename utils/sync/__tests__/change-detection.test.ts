import { describe, expect, it } from 'vitest';
import type { CachedChild, CachedContact } from '../../db/cache-schema';
import type { GhlTask } from '../../ghl/schemas/task-schemas';
import { contactChanged, diffChildren, diffTasks, hashAll } from '../change-detection';

function cachedContact(changes: Partial<CachedContact> = {}): CachedContact {
  return {
    id: 'c1',
    locationId: 'loc',
    contact: { id: 'c1', email: 'a@example.com', dateUpdated: '2026-11-01T00:00:00.000Z' },
    dateUpdated: '2026-11-01T00:00:00.000Z',
    syncedAt: 1,
    lastUsedAt: 1,
    ...changes,
  };
}

function task(id: string, changes: Partial<GhlTask> = {}): GhlTask {
  return {
    id,
    title: `Task ${id}`,
    completed: false,
    dueDate: '2026-12-01T00:00:00.000Z',
    ...changes,
  };
}

function cached(tasks: GhlTask[]): CachedChild<GhlTask>[] {
  return hashAll(tasks).map(({ value, hash }) => ({
    id: value.id,
    contactId: 'c1',
    value,
    hash,
    fetchedAt: 0,
  }));
}

describe('contact change detection', () => {
  it.each([
    ['not cached', undefined, { id: 'c1' }, true],
    [
      'same dateUpdated',
      cachedContact(),
      { id: 'c1', email: 'x', dateUpdated: '2026-11-01T00:00:00.000Z' },
      false,
    ],
    [
      'new dateUpdated',
      cachedContact(),
      { id: 'c1', dateUpdated: '2026-11-02T00:00:00.000Z' },
      true,
    ],
    ['deleted before, back now', cachedContact({ deletedAt: 5 }), cachedContact().contact, true],
    [
      'no dateUpdated from GHL, same record',
      cachedContact({ dateUpdated: undefined, contact: { id: 'c1', email: 'a' } }),
      { id: 'c1', email: 'a' },
      false,
    ],
    [
      'no dateUpdated from GHL, other record',
      cachedContact({ dateUpdated: undefined, contact: { id: 'c1', email: 'a' } }),
      { id: 'c1', email: 'b' },
      true,
    ],
  ] as const)('%s → changed: %s', (_name, before, fetched, changed) => {
    expect(contactChanged(before, fetched)).toBe(changed);
  });
});

describe('task and note change detection (by content hash)', () => {
  it('finds added, updated, removed and status changes', () => {
    const before = cached([task('a'), task('b'), task('c'), task('d')]);
    const after = hashAll([
      task('a'),
      task('b', { title: 'Renamed' }),
      task('c', { completed: true }),
      task('e'),
    ]);
    const diff = diffTasks(before, after);
    expect(diff.added.map((t) => t.id)).toEqual(['e']);
    expect(diff.updated.map((u) => u.after.id)).toEqual(['b', 'c']);
    expect(diff.removed.map((t) => t.id)).toEqual(['d']);
    expect(diff.statusChanged).toEqual([
      { before: task('c'), after: task('c', { completed: true }) },
    ]);
  });

  it('ignores the order GHL lists fields and records in', () => {
    const before = cached([task('a'), task('b')]);
    const reordered = {
      completed: false,
      dueDate: '2026-12-01T00:00:00.000Z',
      title: 'Task a',
      id: 'a',
    };
    const diff = diffChildren(before, hashAll([task('b'), reordered]));
    expect(diff).toEqual({ added: [], updated: [], removed: [] });
  });
});
