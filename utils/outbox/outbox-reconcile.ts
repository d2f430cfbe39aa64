import type { CallOptions, GhlClient } from '../ghl/ghl-client';
import type { SearchContactsInput } from '../ghl/schemas/search-schemas';
import { contactHasKey, contactKey, noteLooksCreated, taskLooksCreated } from './outbox-look-alike';
import type { OutboxOperation } from './outbox-operations';
import type { OutboxResult } from './outbox-send';
import type { StoredOutboxJob } from './outbox-store';

/**
 * How far GHL's clock may be behind ours. A record GHL dates earlier than this before the job was
 * queued existed before the write and cannot be its result.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** How many of the newest matching contacts are looked at. */
const SEARCH_PAGE = 20;

/**
 * Looks in GHL for the record a create may already have made: the POST was sent (`sentAt` is
 * set) but its answer never came (lost connection, timeout, the worker stopped). Finding it ends
 * the job without sending again, which is what keeps a lost answer from becoming a duplicate.
 * Answers the record, or undefined when it is not there (then the write is sent again).
 *
 * - task: the contact's tasks, by title + due date (+ description);
 * - note: the contact's notes, by text (+ title);
 * - contact: a search by email, else phone. Never by name alone (see {@link reconcilable}).
 *
 * Records that looked the same before the job was sent (`knownIds`) and records GHL dates before
 * the person made the write are never taken for it.
 */
export async function findCreatedRecord(
  ghl: GhlClient,
  job: StoredOutboxJob,
  options: { locationId: string; signal?: AbortSignal },
): Promise<OutboxResult | undefined> {
  const known = new Set(job.knownIds ?? []);
  const o: CallOptions = { priority: 'user', signal: options.signal };
  const fresh = (record: { id: string; dateAdded?: unknown }) =>
    !known.has(record.id) &&
    !datedBefore(record.dateAdded, (job.madeAt ?? job.createdAt) - CLOCK_SKEW_MS);
  const op = job.operation;

  switch (op.kind) {
    case 'task.create': {
      const tasks = await ghl.tasks.list(op.contactId, o);
      const task = tasks.find((t) => fresh(t) && taskLooksCreated(op.body, t));
      return task && { kind: 'task', task };
    }
    case 'note.create': {
      const notes = await ghl.notes.list(op.contactId, o);
      const note = notes.find((n) => fresh(n) && noteLooksCreated(op.body, n));
      return note && { kind: 'note', note };
    }
    case 'contact.create': {
      const key = contactKey(op.body);
      if (!key || key.field === 'name') throw new Error('A contact is not looked for by name.');
      const search: SearchContactsInput = {
        locationId: options.locationId,
        pageLimit: SEARCH_PAGE,
        sort: [{ field: 'dateAdded', direction: 'desc' }],
        filters: [{ field: key.field, operator: 'eq', value: key.value }],
      };
      const { contacts } = await ghl.contacts.search(search, o);
      const contact = contacts.find((c) => fresh(c) && contactHasKey(key, c));
      return contact && { kind: 'contact', contact };
    }
    default:
      return undefined;
  }
}

/**
 * Whether a write whose answer was lost can be looked for in GHL. A contact with a name but no
 * email or phone cannot: a teammate's contact of the same name would be taken for ours, and the
 * write would be dropped. A person decides ({@link UNKNOWN_CONTACT_MESSAGE}).
 */
export function reconcilable(op: OutboxOperation): boolean {
  return op.kind !== 'contact.create' || contactKey(op.body)?.field !== 'name';
}

/** Why a create that cannot be looked for stops after its answer was lost. */
export const UNKNOWN_CONTACT_MESSAGE =
  'GHL may or may not have created this contact; check GHL, then Retry or Discard.';

function datedBefore(dateAdded: unknown, limit: number): boolean {
  const at = typeof dateAdded === 'string' ? Date.parse(dateAdded) : Number.NaN;
  return !Number.isNaN(at) && at < limit;
}
