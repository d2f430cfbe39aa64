import { z } from 'zod/mini';

/**
 * Every write a person can make, as it travels from the panel and as the outbox stores it: one
 * payload schema per kind (each kind's own file in utils/outbox/operations/ names its schema).
 * zod/mini keeps the content script small; bodies are checked field by field against the GHL
 * endpoint's own schema by the background before the job is stored
 * (utils/outbox/outbox-validation.ts), so a bad write is refused at once with a clear error
 * instead of failing later. This file imports nothing but zod: it is part of the wire contract.
 */

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a GHL id'));
const body = z.record(z.string(), z.unknown());
const tags = z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1));

export const contactCreateSchema = z.object({ kind: z.literal('contact.create'), body });
export const contactUpdateSchema = z.object({
  kind: z.literal('contact.update'),
  contactId: id,
  body,
});
export const contactDeleteSchema = z.object({ kind: z.literal('contact.delete'), contactId: id });
export const tagsAddSchema = z.object({ kind: z.literal('tags.add'), contactId: id, tags });
export const tagsRemoveSchema = z.object({ kind: z.literal('tags.remove'), contactId: id, tags });
export const taskCreateSchema = z.object({ kind: z.literal('task.create'), contactId: id, body });
export const taskUpdateSchema = z.object({
  kind: z.literal('task.update'),
  contactId: id,
  taskId: id,
  body,
});
export const taskCompleteSchema = z.object({
  kind: z.literal('task.complete'),
  contactId: id,
  taskId: id,
  completed: z.boolean(),
});
export const taskDeleteSchema = z.object({
  kind: z.literal('task.delete'),
  contactId: id,
  taskId: id,
});
export const noteCreateSchema = z.object({ kind: z.literal('note.create'), contactId: id, body });
export const noteUpdateSchema = z.object({
  kind: z.literal('note.update'),
  contactId: id,
  noteId: id,
  body,
});
export const noteDeleteSchema = z.object({
  kind: z.literal('note.delete'),
  contactId: id,
  noteId: id,
});

/**
 * "Log this transcript to GHL": one note on the contact about the transcript (title, link, when,
 * speakers, the chosen text). The outbox posts it the first time and updates that same note after
 * (its id is kept with the transcript's link), so logging again never adds a second note.
 */
export const transcriptLogSchema = z.object({
  kind: z.literal('transcript.log'),
  contactId: id,
  transcriptId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a transcript id')),
  body,
});

export const outboxOperationSchema = z.discriminatedUnion('kind', [
  contactCreateSchema,
  contactUpdateSchema,
  contactDeleteSchema,
  tagsAddSchema,
  tagsRemoveSchema,
  taskCreateSchema,
  taskUpdateSchema,
  taskCompleteSchema,
  taskDeleteSchema,
  noteCreateSchema,
  noteUpdateSchema,
  noteDeleteSchema,
  transcriptLogSchema,
]);

/** One write, e.g. `{ kind: 'task.complete', contactId, taskId, completed: true }`. */
export type OutboxOperation = z.infer<typeof outboxOperationSchema>;
/** The kinds of write. */
export type OutboxOperationKind = OutboxOperation['kind'];
/** The write of one kind. */
export type OperationOf<K extends OutboxOperationKind> = Extract<OutboxOperation, { kind: K }>;

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
