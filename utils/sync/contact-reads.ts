import type { GhlClient } from '../ghl/ghl-client';
import { oddRecordsOf, type OddRecord } from '../ghl/schemas/tolerant-list';

/** The GHL reads a contact sync makes. */
export interface ContactReads {
  contacts: Pick<GhlClient['contacts'], 'get'>;
  tasks: Pick<GhlClient['tasks'], 'list'>;
  notes: Pick<GhlClient['notes'], 'list'>;
  appointments: Pick<GhlClient['appointments'], 'list'>;
}

/** A list a contact sync reads, as a run's report names it. */
export type ListName = 'tasks' | 'notes' | 'appointments';

/** Odd records of one list answer (see tolerant-list), with the list and contact they came in. */
export interface ListOddities {
  list: ListName;
  contactId: string;
  records: readonly OddRecord[];
}

/**
 * The reads of `ghl`, each call counted by `onCall` (a run's request count); the records a list
 * answer held that did not fit go to `onOdd`, so the run can report them.
 */
export function countedReads(
  ghl: ContactReads,
  onCall: () => void,
  onOdd?: (oddities: ListOddities) => void,
): ContactReads {
  const counted =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) => {
      onCall();
      return call(...args);
    };
  const list =
    <A extends [string, ...unknown[]], R extends readonly unknown[]>(
      name: ListName,
      call: (...args: A) => Promise<R>,
    ) =>
    async (...args: A) => {
      onCall();
      const records = await call(...args);
      const odd = oddRecordsOf(records);
      if (odd.length > 0) onOdd?.({ list: name, contactId: args[0], records: odd });
      return records;
    };
  return {
    contacts: { get: counted(ghl.contacts.get) },
    tasks: { list: list('tasks', ghl.tasks.list) },
    notes: { list: list('notes', ghl.notes.list) },
    appointments: { list: list('appointments', ghl.appointments.list) },
  };
}
