import type { DBSchema } from 'idb';
import type { GhlAppointment } from '../ghl/schemas/appointment-schemas';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import type { OutboxOperation } from '../messaging/write-schemas';

/**
 * The cache database (CACHE_DB_NAME): everything the extension knows about GHL records and its
 * own per-transcript records, the "Trint side" of the sync. Only the background opens it.
 * Versions and what each one changed are in cache-migrations.ts.
 */

/** A GHL contact as last fetched. */
export interface CachedContact {
  id: string;
  locationId: string;
  contact: GhlContact;
  /** GHL's dateUpdated when fetched: how contact changes are detected. */
  dateUpdated?: string;
  /** When GHL was last asked about this contact (contact, tasks, notes, appointments). */
  syncedAt?: number;
  /** Last read by a panel or a sync: the least recently used unlinked contacts are evicted. */
  lastUsedAt: number;
  /** Set when GHL answered 404: the contact was deleted there. */
  deletedAt?: number;
}

/** A task or note as last fetched, with the hash that tells whether it changed. */
export interface CachedChild<T> {
  id: string;
  contactId: string;
  value: T;
  /** Hash of the record's content: GHL gives tasks and notes no update time. */
  hash: string;
  fetchedAt: number;
}
export type CachedTask = CachedChild<GhlTask>;
export type CachedNote = CachedChild<GhlNote>;

/** An appointment of a contact as last fetched. */
export interface CachedAppointment {
  id: string;
  contactId: string;
  value: GhlAppointment;
  fetchedAt: number;
}

/** Transcript ↔ contact: a transcript links to one primary contact. */
export interface TranscriptLink {
  transcriptId: string;
  contactId: string;
  locationId: string;
  linkedAt: number;
  /**
   * The GHL note "Log this transcript to GHL" wrote on this contact: logging again updates it
   * (utils/outbox/operations/transcript-log.ts). A new link starts without one.
   */
  logNoteId?: string;
}

/** The extension's own record of a transcript: what Trint cannot store for us. */
export interface TranscriptRecord {
  transcriptId: string;
  title?: string;
  /**
   * The Trint origin a panel last showed it on (app.trint.com or app.eu.trint.com): its links are
   * built for that host. Absent on records from before hosts were remembered: app.trint.com.
   */
  trintOrigin?: string;
  /** Last time a panel showed this transcript: drives the "viewed in the last 24 h" tier. */
  lastViewedAt?: number;
  /** The mapped contact fields, as of `snapshotAt` (label → text). */
  fields?: Record<string, string>;
  snapshotAt?: number;
  /** GHL note ids attached to this transcript (all notes or only pinned, per the setting). */
  noteIds: string[];
  /**
   * Notes written from this transcript's panel: they stay attached whatever the notes setting,
   * as long as GHL has them. Optional, so records from before it need no migration.
   */
  panelNoteIds?: string[];
  /** Set when the linked contact was deleted in GHL. */
  contactDeletedAt?: number;
}

/** What changed, as a line on a transcript's activity timeline. */
export type ActivityKind =
  | 'linked'
  | 'unlinked'
  | 'contact-updated'
  | 'contact-deleted'
  | 'task-added'
  | 'task-status'
  | 'task-updated'
  | 'task-deleted'
  | 'note-attached'
  | 'note-updated'
  | 'note-removed'
  | 'transcript-logged'
  | 'write-failed';

/** One line on a transcript's timeline, e.g. "Task ‘Send proposal’ completed — Jane Doe, 26 Nov 2026". */
export interface ActivityEntry {
  id?: number;
  transcriptId: string;
  contactId: string;
  at: number;
  kind: ActivityKind;
  text: string;
  /** The task or note the line is about. */
  recordId?: string;
  /** Where the line links: the contact in GHL. */
  url?: string;
}

/**
 * Where a write is. `waiting`: held until a reconnect. `failed`: permanent, needs a person.
 * `applied`: GHL and the cache have it; what follows it (timeline, link) is still to run, then
 * the job is deleted. Never sent again, never shown as pending.
 */
export type OutboxStatus = 'queued' | 'sending' | 'waiting' | 'failed' | 'applied';

/** One write a person made, kept until GHL has it (then deleted) or a person discards it. */
export interface OutboxJob {
  id: string;
  createdAt: number;
  operation: OutboxOperation;
  status: OutboxStatus;
  attempts: number;
  /** Not sent before this time (backoff). */
  nextAttemptAt: number;
  /** Set when a POST was sent: if the worker dies before the answer, reconcile before resending. */
  sentAt?: number;
  lastError?: { kind: string; message: string; at: number };
  /**
   * Ids of records that already looked like the one a create makes, when it was queued: if the
   * answer is lost, reconciliation must not take one of them for ours.
   */
  knownIds?: string[];
  /** The transcript the person was on, for its timeline. */
  transcriptId?: string;
  locationId: string;
}

/** One sync run. */
export interface SyncRun {
  id?: number;
  startedAt: number;
  endedAt?: number;
  trigger: 'alarm' | 'panel-open' | 'sync-now' | 'connected';
  requests: number;
  contactsChecked: number;
  changes: number;
  errors: { contactId?: string; kind: string; message: string }[];
  /**
   * Records GHL listed that did not fit their schema (kept without some fields, or skipped), and
   * the first in words; absent when every record fit. Not errors: the run still counts as ok.
   */
  oddRecords?: { count: number; first: string };
  outcome?: 'ok' | 'partial' | 'failed' | 'skipped';
}

/** One request to GHL: never a token, body or query value. */
export interface AuditEntry {
  id?: number;
  at: number;
  /** The OpenAPI operationId, e.g. "get-contact". */
  operation: string;
  method: string;
  /** The record the call was about (task, note or contact id), if any. */
  recordId?: string;
  contactId?: string;
  startedBy: 'person' | 'sync';
  /** HTTP status, or a GhlError kind when there was no answer. */
  result: string;
  durationMs: number;
}

/** The schema as idb sees it. */
export interface CacheDb extends DBSchema {
  contacts: { key: string; value: CachedContact; indexes: { 'by-lastUsed': number } };
  tasks: { key: string; value: CachedTask; indexes: { 'by-contact': string } };
  notes: { key: string; value: CachedNote; indexes: { 'by-contact': string } };
  appointments: { key: string; value: CachedAppointment; indexes: { 'by-contact': string } };
  links: { key: string; value: TranscriptLink; indexes: { 'by-contact': string } };
  transcripts: { key: string; value: TranscriptRecord };
  activity: {
    key: number;
    value: ActivityEntry;
    indexes: { 'by-transcript': [string, number] };
  };
  outbox: { key: string; value: OutboxJob; indexes: { 'by-created': number } };
  runs: { key: number; value: SyncRun; indexes: { 'by-start': number } };
  audit: { key: number; value: AuditEntry; indexes: { 'by-at': number } };
  meta: { key: string; value: unknown };
}

/** Every store name. */
export type CacheStore =
  | 'contacts'
  | 'tasks'
  | 'notes'
  | 'appointments'
  | 'links'
  | 'transcripts'
  | 'activity'
  | 'outbox'
  | 'runs'
  | 'audit'
  | 'meta';
