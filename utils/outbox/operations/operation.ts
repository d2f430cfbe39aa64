import type { IDBPTransaction } from 'idb';
import type { z } from 'zod/mini';
import type { CacheDb } from '../../db/cache-schema';
import type { CacheDatabase } from '../../db/open-cache-db';
import type { GHL_ENDPOINTS } from '../../ghl/endpoints';
import type { CallOptions, GhlClient } from '../../ghl/ghl-client';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import type { GhlNote } from '../../ghl/schemas/note-schemas';
import type { GhlTask } from '../../ghl/schemas/task-schemas';
import type { OperationOf, OutboxOperationKind } from '../../messaging/write-schemas';
import type { TranscriptChange } from '../../transcripts/transcript-change';
import type { recordNoteDelete, recordTaskDelete } from '../../transcripts/record-delete-line';
import type { recordTaskWrite } from '../../transcripts/task-write-record';
import type { TranscriptStore } from '../../transcripts/transcript-store';
import type { StoredOutboxJob } from '../outbox-queue';

/**
 * One kind of write, with every part the generic outbox needs of it. Each kind is one file in
 * this folder, registered in registry.ts; the panel's optimistic view of it is the file's
 * separate `show` export (shown.ts), so the content script does not load the rest. A meta-test
 * (__tests__/operations-registry.test.ts) fails when a kind lacks a file or a part.
 */
export interface Operation<K extends OutboxOperationKind> {
  kind: K;
  /** Its payload schema, from the wire contract (utils/messaging/write-schemas.ts). */
  schema: z.ZodMiniType<OperationOf<K>>;
  /** The write in words, as the popup and panel list it: "Complete task ‘Send proposal’". */
  describe(op: OperationOf<K>, names: RecordNames): string;
  /** Whether {@link describe} names the contact (read from the cache by outbox-view.ts). */
  namesContact: boolean;
  /** For a write with a body: how validation checks it before the job is stored. */
  body?: BodyRules;
  /**
   * Sends it to GHL (one request, or a write and a read of the contact for tags). `context` is
   * for a kind whose request depends on what earlier writes left in the cache (transcript.log
   * updates the note a previous log made).
   */
  send(
    ghl: GhlClient,
    op: OperationOf<K>,
    o: CallOptions,
    context: SendContext,
  ): Promise<OutboxResult>;
  /** For a create: how its record is recognised when its answer was lost. */
  create?: CreateRules<K>;
  /** A 404 from GHL: 'done' (a delete of something gone), or why the write was not made. */
  gone: 'done' | string;
  /**
   * Its part of the transaction that records GHL's answer in the cache (outbox-apply.ts), and
   * what the cache held before that the effects need.
   */
  cache(tx: CompleteTx, job: JobOf<K>, result: OutboxResult, now: number): Promise<CompletedJob>;
  /** What follows on the Trint side once GHL has it (timeline, link, note attach). */
  effects(
    ctx: EffectsContext,
    job: JobOf<K>,
    result: OutboxResult,
    completed: CompletedJob,
  ): Promise<TranscriptChange[]>;
}

/** What a kind's `send` may read besides the operation: the cache, as the jobs before left it. */
export interface SendContext {
  db: CacheDatabase;
}

/** A stored job whose operation is of kind K. */
export type JobOf<K extends OutboxOperationKind> = StoredOutboxJob & { operation: OperationOf<K> };

/** Names the operation itself does not carry, read from the cache. */
export interface RecordNames {
  /** The title of the task the operation is about. */
  taskTitle?: string;
  /** The name of the contact a contact operation is about. */
  contactName?: string;
}

/** The GHL endpoints whose documented body a write's body must match. */
export type BodyEndpointName =
  'createContact' | 'updateContact' | 'createTask' | 'updateTask' | 'createNote' | 'updateNote';
// Checked: each name is an endpoint (a rename there fails here).
export type CheckedEndpointName = BodyEndpointName & keyof typeof GHL_ENDPOINTS;

/** What validation needs to know about the connection. */
export interface ValidationContext {
  /** The connected location: contact.create gets it as its body's locationId. */
  locationId: string;
}

/** How a body-carrying write is checked (outbox-validation.ts). */
export interface BodyRules {
  /** The endpoint whose (strict) body schema the body must match. */
  endpoint: CheckedEndpointName;
  /** The body as it is checked and sent (contact.create gets the connected location). */
  prepare?(body: Record<string, unknown>, context: ValidationContext): Record<string, unknown>;
  /** Rules GHL applies that its schema does not say, as problems in words. */
  rules?(body: Record<string, unknown>, context: ValidationContext): string[];
}

/** How a create whose answer was lost is recognised in GHL (outbox-reconcile.ts). */
export interface CreateRules<K extends OutboxOperationKind> {
  /** Ids of cached records that already look like what it would create (never taken for it). */
  lookAlikes(db: CacheDatabase, op: OperationOf<K>): Promise<string[]>;
  /** Whether it can be looked for at all (a contact known by name alone cannot). */
  reconcilable(op: OperationOf<K>): boolean;
  /** Looks for the record in GHL; `fresh` rules out records that existed before the write. */
  find(ghl: GhlClient, op: OperationOf<K>, look: LookFor): Promise<OutboxResult | undefined>;
  /**
   * GHL refused the create: the record it may have made all the same (a resend refused as a
   * duplicate of the lost first send, a 422 on a create GHL applied), or undefined.
   */
  refused?(
    ghl: GhlClient,
    op: OperationOf<K>,
    error: unknown,
    look: LookFor,
  ): Promise<OutboxResult | undefined>;
}

/** What {@link CreateRules.find} is given. */
export interface LookFor {
  locationId: string;
  o: CallOptions;
  /** Not a look-alike known before the write, nor dated before it was made. */
  fresh(record: { id: string; dateAdded?: unknown }): boolean;
}

/**
 * What GHL answered to a write: the record as it now is, its tags (when the contact could not be
 * read after a tag write), or that it is gone.
 */
export type OutboxResult =
  | { kind: 'contact'; contact: GhlContact }
  | { kind: 'task'; task: GhlTask }
  | { kind: 'note'; note: GhlNote }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'deleted' };

/** What the cache held before a job's answer replaced it. */
export interface CompletedJob {
  /** The task as cached before a task write (null: none was), so its status change can be told. */
  previousTask?: GhlTask | null;
  /** The name of a contact the job deleted, for the timeline of the transcripts it leaves. */
  deletedContactName?: string;
  /**
   * The task a job deleted, as cached until then, for the timeline (the next sync no longer
   * sees it go). Absent when the cache no longer held it: another delete of it, or a sync that
   * saw it gone in GHL, came first and told it already.
   */
  deletedTask?: GhlTask;
  /** The note a job deleted, as cached until then (absent as for {@link deletedTask}). */
  deletedNote?: GhlNote;
}

/** The stores a finished write touches. */
export type CompleteStore = 'outbox' | 'contacts' | 'tasks' | 'notes' | 'appointments' | 'meta';
export type CompleteTx = IDBPTransaction<CacheDb, CompleteStore[], 'readwrite'>;

/** What an operation's effects may use (entrypoints/background/outbox-effects.ts builds it). */
export interface EffectsContext {
  db: CacheDatabase;
  transcripts: TranscriptStore;
  now(): number;
  timeZone?: string;
  /** The open panels of every transcript linked to the contact, told `what` changed. */
  linkedChanges(contactId: string, what: string[]): Promise<TranscriptChange[]>;
  /** Sets the fields snapshot of the contact's transcripts from GHL's answer. */
  refreshFields(contact: GhlContact): Promise<void>;
  /**
   * The transcripts' timeline lines (utils/transcripts/), handed in rather than imported: they
   * load the field mapping, which the content script must not (it imports each kind's `show`).
   */
  timeline: {
    taskWrite: typeof recordTaskWrite;
    taskDelete: typeof recordTaskDelete;
    noteDelete: typeof recordNoteDelete;
  };
}
