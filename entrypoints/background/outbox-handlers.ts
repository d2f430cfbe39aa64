import type { ConnectionService } from '@/utils/auth/connection-service';
import type { Outbox } from '@/utils/outbox/outbox';
import { connectedLocation } from './connected-location';
import { MessageRefused, type MessageHandlers } from './message-router';
import type { TrintBudget } from './trint-budget';

type OutboxMessages = 'outbox/enqueue' | 'outbox/list' | 'outbox/retry' | 'outbox/discard';

/**
 * Writes waiting to be sent (queued, sending or waiting to retry) beyond which a Trint tab may
 * queue no more: a page flooding creates fills the outbox of the connected location, not GHL.
 * A person's writes are sent within seconds, so this many wait only when GHL is unreachable.
 */
export const MAX_PAGE_QUEUED_WRITES = 25;

/** Why a Trint tab's write was refused for a full outbox, in the panel. */
export const OUTBOX_FULL_MESSAGE = `${MAX_PAGE_QUEUED_WRITES} changes are already waiting to be sent to GHL; try again once they are.`;

/**
 * The longest text a Trint tab's write may carry in any field, and the most in all of them.
 * GHL's OpenAPI files give no limit for contact fields, tasks or notes (only 5000 characters for
 * an appointment note's body, in apps/calendars.json); a log note with a selection (4000) and its
 * title, link and speakers stays well within this, while a page cannot queue megabytes.
 */
export const MAX_PAGE_TEXT_LENGTH = 10_000;
export const MAX_PAGE_WRITE_LENGTH = 20_000;

/** Why a Trint tab's write was refused for its size, in the panel. */
export const WRITE_TOO_LONG_MESSAGE = `This change is too long to send to GHL (at most ${MAX_PAGE_TEXT_LENGTH} characters a field).`;

/** The longest string anywhere in a value, and the total of all of them. */
function textLengths(value: unknown): { longest: number; total: number } {
  if (typeof value === 'string') return { longest: value.length, total: value.length };
  if (!value || typeof value !== 'object') return { longest: 0, total: 0 };
  let longest = 0;
  let total = 0;
  for (const [key, field] of Object.entries(value)) {
    const inner = textLengths(field);
    longest = Math.max(longest, inner.longest, key.length);
    total += inner.total + key.length;
  }
  return { longest, total };
}

/**
 * The panel's and the popup's writes: queued in the outbox, which sends them to GHL; the writes
 * waiting or failed, and a person's retry or discard of one. (What a Trint tab may see and act on
 * of them is its access rules' business: tab-access.ts.) A Trint tab's write is spent from the
 * budget every Trint tab shares, and refused while the outbox holds many.
 */
export function createOutboxHandlers(deps: {
  outbox: Pick<Outbox, 'enqueue' | 'list' | 'retry' | 'discard'>;
  connection?: Pick<ConnectionService, 'status'>;
  trintBudget?: Pick<TrintBudget, 'spend'>;
}): Pick<MessageHandlers, OutboxMessages> {
  const { outbox } = deps;
  return {
    async 'outbox/enqueue'({ operation, transcriptId }, role) {
      if (role === 'trint-tab') {
        const { longest, total } = textLengths(operation);
        if (longest > MAX_PAGE_TEXT_LENGTH || total > MAX_PAGE_WRITE_LENGTH) {
          throw new MessageRefused(WRITE_TOO_LONG_MESSAGE);
        }
      }
      if (role === 'trint-tab' && deps.trintBudget && deps.connection) {
        const waiting = (await outbox.list()).filter((job) => job.status !== 'failed');
        if (waiting.length >= MAX_PAGE_QUEUED_WRITES) throw new MessageRefused(OUTBOX_FULL_MESSAGE);
        await deps.trintBudget.spend(await connectedLocation(deps.connection), 'write');
      }
      return outbox.enqueue(operation, { transcriptId });
    },
    'outbox/list': () => outbox.list(),
    async 'outbox/retry'({ id }, role) {
      // A retry sends the write again, as a new one would.
      if (role === 'trint-tab' && deps.trintBudget && deps.connection) {
        await deps.trintBudget.spend(await connectedLocation(deps.connection), 'write');
      }
      return outbox.retry(id);
    },
    'outbox/discard': ({ id }) => outbox.discard(id),
  };
}
