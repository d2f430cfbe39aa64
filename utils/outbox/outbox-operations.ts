import { z } from 'zod/mini';

/**
 * Every write a person can make, as the outbox stores it. The shape travels in messages from the
 * panel (zod/mini keeps the content script small); bodies are checked field by field against the
 * GHL endpoint's own schema by the background before the job is stored (outbox-validation.ts),
 * so a bad write is refused at once with a clear error instead of failing later.
 */

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a GHL id'));
const body = z.record(z.string(), z.unknown());
const tags = z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1));

export const outboxOperationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact.create'), body }),
  z.object({ kind: z.literal('contact.update'), contactId: id, body }),
  z.object({ kind: z.literal('contact.delete'), contactId: id }),
  z.object({ kind: z.literal('tags.add'), contactId: id, tags }),
  z.object({ kind: z.literal('tags.remove'), contactId: id, tags }),
  z.object({ kind: z.literal('task.create'), contactId: id, body }),
  z.object({ kind: z.literal('task.update'), contactId: id, taskId: id, body }),
  z.object({
    kind: z.literal('task.complete'),
    contactId: id,
    taskId: id,
    completed: z.boolean(),
  }),
  z.object({ kind: z.literal('task.delete'), contactId: id, taskId: id }),
  z.object({ kind: z.literal('note.create'), contactId: id, body }),
  z.object({ kind: z.literal('note.update'), contactId: id, noteId: id, body }),
  z.object({ kind: z.literal('note.delete'), contactId: id, noteId: id }),
]);

/** One write, e.g. `{ kind: 'task.complete', contactId, taskId, completed: true }`. */
export type OutboxOperation = z.infer<typeof outboxOperationSchema>;
/** The kinds of write. */
export type OutboxOperationKind = OutboxOperation['kind'];

/** Writes that create a record: their outcome may be unknown and must be reconciled. */
export const CREATING_KINDS: ReadonlySet<OutboxOperationKind> = new Set([
  'contact.create',
  'task.create',
  'note.create',
]);

/** What a person sees of a queued or failed write (popup, panel). */
export const outboxJobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** "Create task ‘Send proposal’", in words. */
  summary: z.string(),
  status: z.enum(['queued', 'sending', 'waiting', 'failed']),
  attempts: z.number(),
  createdAt: z.number(),
  nextAttemptAt: z.number(),
  error: z.optional(z.object({ kind: z.string(), message: z.string(), at: z.number() })),
  transcriptId: z.optional(z.string()),
  contactId: z.optional(z.string()),
  /** The write itself, so a panel can show it before GHL has it (optimistic, marked pending). */
  operation: z.optional(outboxOperationSchema),
});
export type OutboxJobView = z.infer<typeof outboxJobViewSchema>;
