// The GHL-side edits of the sync benchmark: people working in GHL change contacts, tasks and
// notes while the extension syncs. The stream is seeded, so our scheduler and the naive poller
// see exactly the same edits at the same simulated times.
import type { Sandbox } from '../../sandbox/sandbox-handler';
import { createSeededRandom } from '../../sandbox/seeded-random';
import { sandboxControl } from '../../test/support/sandbox-control';
import type { ContactPart } from '../support/traffic';

/** How a person uses a contact's transcript: the sync's freshness tiers. */
export type Tier = 'open' | 'recent' | 'rest';
export const TIERS: readonly Tier[] = ['open', 'recent', 'rest'];

/** One edit made in GHL (`T`: the tier names of the benchmark that made it). */
export interface GhlEdit<T extends string = Tier> {
  seq: number;
  /** Offset from the start of the measured stretch. */
  offsetMs: number;
  contactId: string;
  tier: T;
  /** The part it changes: what a sync (or poll) must read to see it. */
  part: Exclude<ContactPart, 'appointments'>;
}

/** Mean time between two edits in each tier (a Poisson stream per tier). */
export const EDIT_INTERVAL_MS: Record<Tier, number> = {
  open: 90_000,
  recent: 30_000,
  rest: 15_000,
};

/** The edits of one hour for contacts grouped by tier, in time order. */
export function editStream(
  contacts: Record<Tier, readonly string[]>,
  durationMs: number,
  seed = 8,
): GhlEdit[] {
  return tieredEditStream(TIERS, EDIT_INTERVAL_MS, contacts, durationMs, seed);
}

/**
 * The same stream for any set of tiers (the simulated day's four): per tier, in the order given,
 * a Poisson stream with that tier's mean interval, on a random contact of the tier.
 */
export function tieredEditStream<T extends string>(
  tiers: readonly T[],
  intervalMs: Record<T, number>,
  contacts: Record<T, readonly string[]>,
  durationMs: number,
  seed = 8,
): GhlEdit<T>[] {
  const random = createSeededRandom(seed);
  const parts: GhlEdit['part'][] = ['contact', 'tasks', 'notes'];
  const edits: Omit<GhlEdit<T>, 'seq'>[] = [];
  for (const tier of tiers) {
    if (contacts[tier].length === 0) continue;
    for (let at = 0; ;) {
      at += -Math.log(1 - random.next()) * intervalMs[tier];
      if (at >= durationMs) break;
      edits.push({
        offsetMs: Math.round(at),
        contactId: random.pick(contacts[tier]),
        tier,
        part: random.pick(parts),
      });
    }
  }
  return edits.sort((a, b) => a.offsetMs - b.offsetMs).map((edit, seq) => ({ ...edit, seq }));
}

/**
 * Makes one edit through the Sandbox's control API, as a person in GHL would: a new company
 * name, a task renamed (or added, when the contact has none) or a note added. Each edit changes
 * something, so it always shows as a change once read.
 */
export async function applyEdit(
  sandbox: Sandbox,
  edit: Pick<GhlEdit<string>, 'contactId' | 'seq' | 'part'>,
): Promise<void> {
  const { contactId, seq } = edit;
  if (edit.part === 'contact') {
    await sandboxControl(sandbox, `contacts/${contactId}`, { companyName: `Edit ${seq}` }, 'PATCH');
  } else if (edit.part === 'tasks') {
    const task = firstTaskOf(sandbox, contactId);
    const body = { title: `Task edit ${seq}` };
    if (task) await sandboxControl(sandbox, `contacts/${contactId}/tasks/${task}`, body, 'PATCH');
    else await sandboxControl(sandbox, `contacts/${contactId}/tasks`, body, 'POST');
  } else {
    await sandboxControl(sandbox, `contacts/${contactId}/notes`, { body: `Note edit ${seq}` });
  }
}

function firstTaskOf(sandbox: Sandbox, contactId: string): string | undefined {
  for (const task of sandbox.state.data.tasks.values()) {
    if (task.contactId === contactId) return task.id;
  }
  return undefined;
}
