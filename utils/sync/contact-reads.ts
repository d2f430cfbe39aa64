import type { GhlClient } from '../ghl/ghl-client';

/** The GHL reads a contact sync makes. */
export interface ContactReads {
  contacts: Pick<GhlClient['contacts'], 'get'>;
  tasks: Pick<GhlClient['tasks'], 'list'>;
  notes: Pick<GhlClient['notes'], 'list'>;
  appointments: Pick<GhlClient['appointments'], 'list'>;
}

/** The reads of `ghl`, each call counted by `onCall` (a run's request count). */
export function countedReads(ghl: ContactReads, onCall: () => void): ContactReads {
  const counted =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) => {
      onCall();
      return call(...args);
    };
  return {
    contacts: { get: counted(ghl.contacts.get) },
    tasks: { list: counted(ghl.tasks.list) },
    notes: { list: counted(ghl.notes.list) },
    appointments: { list: counted(ghl.appointments.list) },
  };
}
