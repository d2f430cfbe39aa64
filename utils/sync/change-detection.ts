import type { CachedChild, CachedContact } from '../db/cache-schema';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { taskSchema, type GhlTask } from '../ghl/schemas/task-schemas';
import { contentHash, stableJson } from '../db/content-hash';

/**
 * How the sync tells what changed in GHL since the last look. Contacts carry `dateUpdated`; tasks
 * and notes carry no update time, so their content hash is compared instead.
 */

/** A fetched record with its content hash. */
export interface Hashed<T> {
  value: T;
  hash: string;
}

/** What happened to a contact's tasks or notes between two looks. */
export interface ChildDiff<T> {
  added: T[];
  updated: { before: T; after: T }[];
  removed: T[];
}

/** A task diff; `statusChanged` are the updates where `completed` flipped. */
export interface TaskDiff extends ChildDiff<GhlTask> {
  statusChanged: { before: GhlTask; after: GhlTask }[];
}

/**
 * Whether a fetched contact differs from the cached one: never cached, or another
 * `dateUpdated`. Should GHL leave `dateUpdated` out, the whole record is compared instead.
 */
export function contactChanged(before: CachedContact | undefined, fetched: GhlContact): boolean {
  if (!before || before.deletedAt !== undefined) return true;
  const after = fetched.dateUpdated ?? undefined;
  if (before.dateUpdated && after) return before.dateUpdated !== after;
  return stableJson(before.contact) !== stableJson(fetched);
}

/** Hashes fetched records, for storing and diffing. */
export function hashAll<T>(records: readonly T[]): Hashed<T>[] {
  return records.map((value) => ({ value, hash: contentHash(value) }));
}

/**
 * Diffs cached records against fetched ones by id and content hash. With `same`, a record whose
 * hash changed but that `same` says is the same (what is shown of it did not change) is not an
 * update.
 */
export function diffChildren<T extends { id: string }>(
  before: readonly CachedChild<T>[],
  after: readonly Hashed<T>[],
  same?: (before: T, after: T) => boolean,
): ChildDiff<T> {
  const previous = new Map(before.map((c) => [c.id, c]));
  const diff: ChildDiff<T> = { added: [], updated: [], removed: [] };
  const seen = new Set<string>();
  for (const { value, hash } of after) {
    seen.add(value.id);
    const cached = previous.get(value.id);
    if (!cached) diff.added.push(value);
    else if (cached.hash !== hash && !same?.(cached.value, value)) {
      diff.updated.push({ before: cached.value, after: value });
    }
  }
  for (const cached of before) if (!seen.has(cached.id)) diff.removed.push(cached.value);
  return diff;
}

/** The task fields the product reads: what a change is judged by. */
const TASK_FIELDS = Object.keys(taskSchema.shape) as (keyof GhlTask)[];

/**
 * Whether two versions of a task agree on every field the product reads. A task read through
 * the location's task search may carry other extra fields than one read under its contact: that
 * alone is not a change.
 */
export function sameTask(a: GhlTask, b: GhlTask): boolean {
  return TASK_FIELDS.every((key) => stableJson(a[key] ?? null) === stableJson(b[key] ?? null));
}

/** Diffs tasks, and picks out those whose status (completed) flipped. */
export function diffTasks(
  before: readonly CachedChild<GhlTask>[],
  after: readonly Hashed<GhlTask>[],
): TaskDiff {
  const diff = diffChildren(before, after, sameTask);
  return {
    ...diff,
    statusChanged: diff.updated.filter((u) => u.before.completed !== u.after.completed),
  };
}

/** How many changes a diff holds. */
export function changeCount(diff: ChildDiff<unknown>): number {
  return diff.added.length + diff.updated.length + diff.removed.length;
}
