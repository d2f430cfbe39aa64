import { z } from 'zod';
import { taskSchema } from './task-schemas';
import { tolerantList } from './tolerant-list';

/**
 * `TaskSearchParamsDto` (apps/locations.json `task-search`): every field is optional in the
 * spec, strict so an undocumented field never leaves the client (GHL answers it 422).
 */
export const taskSearchBody = z.strictObject({
  contactId: z.array(z.string()).optional(),
  completed: z.boolean().optional(),
  assignedTo: z.array(z.string()).optional(),
  query: z.string().optional(),
  /** The spec's default is 25; no documented maximum (the Sandbox caps at 100, README). */
  limit: z.number().int().positive().optional(),
  skip: z.number().int().nonnegative().optional(),
  businessId: z.string().optional(),
});

/**
 * What the client sends: the contacts are required here, though the spec makes them optional,
 * because a search without them reads the whole location's tasks, never what a sync wants.
 */
export type LocationTaskSearchInput = z.input<typeof taskSearchBody> & { contactId: string[] };

/**
 * A task found by the location's task search: our task shape plus its contact, required so the
 * results can be grouped per contact (GoHighLevel/highlevel-api-docs#332: the search "returns
 * `contactId` correctly"). Some clients of this search read the id as `_id` (a MongoDB-style
 * record); `_id` is taken as the id when `id` is absent, so both shapes read the same.
 */
export const locationTaskSchema = taskSchema.extend({ contactId: z.string() });
export type LocationTask = z.infer<typeof locationTaskSchema>;

/** Copies `_id` to `id` when a record has only `_id`; anything else passes unchanged. */
function withIdFromUnderscore(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  if (typeof record.id === 'string' || typeof record._id !== 'string') return raw;
  return { ...record, id: record._id };
}

/**
 * The spec types `tasks` as an array of arrays (`LocationTaskListSuccessfulResponseDto`), which
 * no public answer shows; clients of it read a flat list of task objects. Both are read: nested
 * lists are flattened one level, and `_id` stands in for a missing `id`, before the records are
 * read one by one (so a record with only `_id` is kept, not skipped, when a field does not fit).
 */
const flattenedTasks = z.preprocess(
  (raw) =>
    Array.isArray(raw) ? raw.flatMap((item: unknown) => item).map(withIdFromUnderscore) : raw,
  tolerantList(locationTaskSchema),
);

/** `LocationTaskListSuccessfulResponseDto`, read as a flat list either way. */
export const locationTaskListResponse = z.looseObject({ tasks: flattenedTasks });
