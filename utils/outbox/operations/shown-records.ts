/**
 * The records the panel shows, and how a pending write changes them before GHL has it (each
 * operation's `show`). Only types and small readers: the content script loads this.
 */

/** A task as the panel shows it (GHL `TaskSchema`, read loosely from the cache). */
export interface PanelTask {
  id: string;
  title: string;
  body?: string;
  dueDate?: string;
  completed: boolean;
  assignedTo?: string;
}

/** A note as the panel shows it (GHL `GetNoteSchema`). */
export interface PanelNote {
  id: string;
  body: string;
  title?: string;
  pinned?: boolean;
  dateAdded?: string;
  userId?: string;
}

/** The linked contact as the panel shows it (GHL contact fields it edits). */
export interface PanelContact {
  id: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string;
  phone?: string;
  companyName?: string;
  tags: string[];
  businessId?: string;
  assignedTo?: string;
  dateUpdated?: string;
  locationId?: string;
}

/**
 * A record with the writes on their way to GHL already applied (optimistic): `pending` says what
 * is being sent, so the panel can mark it. A write that failed for good is not applied: the
 * record shows as GHL has it (rolled back).
 */
export interface Shown<T> {
  record: T;
  pending?: 'saving' | 'deleting';
}

/** The records a pending write may change. */
export interface ShownRecords {
  contact?: Shown<PanelContact>;
  tasks: Shown<PanelTask>[];
  notes: Shown<PanelNote>[];
  /** The note this transcript's last "Log this transcript" wrote (a new log updates it). */
  logNoteId?: string;
}

/** A pending job as `show` needs it. */
export interface ShownJob {
  id: string;
  createdAt: number;
}

/** How a pending write of one kind changes what the panel shows (changes `records` in place). */
export type ShowPending<Op> = (records: ShownRecords, op: Op, job: ShownJob) => void;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Reads a cached task; the cache holds GHL's parsed records, so only odd values are dropped. */
export function asTask(record: Record<string, unknown>): PanelTask {
  return {
    id: String(record.id),
    title: text(record.title) ?? '',
    body: text(record.body),
    dueDate: text(record.dueDate),
    completed: record.completed === true,
    assignedTo: text(record.assignedTo),
  };
}

/** Reads a cached note. */
export function asNote(record: Record<string, unknown>): PanelNote {
  return {
    id: String(record.id),
    body: typeof record.body === 'string' ? record.body : '',
    title: text(record.title),
    pinned: record.pinned === true,
    dateAdded: text(record.dateAdded),
    userId: text(record.userId),
  };
}

/** Reads a cached contact. */
export function asContact(record: Record<string, unknown>): PanelContact {
  return {
    id: String(record.id),
    firstName: text(record.firstName),
    lastName: text(record.lastName),
    name: text(record.name),
    email: text(record.email),
    phone: text(record.phone),
    companyName: text(record.companyName),
    tags: Array.isArray(record.tags) ? record.tags.filter((tag) => typeof tag === 'string') : [],
    businessId: text(record.businessId),
    assignedTo: text(record.assignedTo),
    dateUpdated: text(record.dateUpdated),
    locationId: text(record.locationId),
  };
}

/** The id a record created by a pending job shows under until GHL gives it one. */
export const pendingId = (jobId: string) => `pending-${jobId}`;

/** Marks the task `taskId` (if shown) with `change`. */
export function changeTask(
  records: ShownRecords,
  taskId: string,
  change: (shown: Shown<PanelTask>) => Shown<PanelTask>,
): void {
  records.tasks = records.tasks.map((shown) =>
    shown.record.id === taskId ? change(shown) : shown,
  );
}

/** Marks the note `noteId` (if shown) with `change`. */
export function changeNote(
  records: ShownRecords,
  noteId: string,
  change: (shown: Shown<PanelNote>) => Shown<PanelNote>,
): void {
  records.notes = records.notes.map((shown) =>
    shown.record.id === noteId ? change(shown) : shown,
  );
}
