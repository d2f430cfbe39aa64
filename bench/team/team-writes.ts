// The writes of the team benchmark: each teammate keeps creating tasks and notes and adding tags
// on the contacts of the transcripts they work on, and creating contacts (by phone as people type
// it, which GHL stores in E.164, or by email: issue 19), through the real outbox. Every write
// carries a marker of its own, so what GHL holds at the end can be checked write by write.
import type { OutboxOperation } from '../../utils/messaging/write-schemas';
import type { SandboxData } from '../../sandbox/sandbox-records';
import type { SeededRandom } from '../../sandbox/seeded-random';

/** One write a teammate made (stored by the outbox). */
export interface TeamWrite {
  marker: string;
  kind: 'task.create' | 'note.create' | 'tags.add' | 'contact.create';
  at: number;
}

/** A write with its own marker, on `contactId`. */
export function teamWrite(
  teammate: number,
  seq: number,
  contactId: string,
  random: SeededRandom,
  now: number,
): { write: Omit<TeamWrite, 'at'>; operation: OutboxOperation } {
  const marker = `team-w${teammate}-${seq}`;
  const kind = random.pick(['task.create', 'note.create', 'tags.add', 'contact.create'] as const);
  const dueDate = new Date(now + 2 * 86_400_000).toISOString();
  // A number of its own, typed the way people do (a national number; GHL stores +1…), or an email.
  const phone = `(555) ${100 + teammate}-${String(seq % 10_000).padStart(4, '0')}`;
  const reachable = seq % 2 === 0 ? { phone } : { email: `${marker}@example.com` };
  const operation: OutboxOperation =
    kind === 'task.create'
      ? { kind, contactId, body: { title: marker, dueDate, completed: false } }
      : kind === 'note.create'
        ? { kind, contactId, body: { body: marker } }
        : kind === 'tags.add'
          ? { kind, contactId, tags: [marker] }
          : { kind, body: { firstName: 'Team', lastName: marker, ...reachable } };
  return { write: { marker, kind }, operation };
}

/**
 * How many times GHL holds each write's marker (a task title, a note body, a tag or a contact's
 * last name).
 */
export function countInGhl(data: SandboxData): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string | null | undefined) => {
    if (text?.startsWith('team-w')) counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  for (const task of data.tasks.values()) add(task.title);
  for (const note of data.notes.values()) add(note.body);
  for (const contact of data.contacts.values()) {
    for (const tag of contact.tags) add(tag);
    add(contact.lastName);
  }
  return counts;
}

/** Writes missing from GHL, and writes GHL holds more than once. */
export function checkWrites(writes: readonly TeamWrite[], data: SandboxData) {
  const counts = countInGhl(data);
  const lost = writes.filter((w) => !counts.get(w.marker));
  const duplicated = writes.filter((w) => (counts.get(w.marker) ?? 0) > 1);
  return { lost, duplicated };
}
