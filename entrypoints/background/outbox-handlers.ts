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
      if (role === 'trint-tab' && deps.trintBudget && deps.connection) {
        const waiting = (await outbox.list()).filter((job) => job.status !== 'failed');
        if (waiting.length >= MAX_PAGE_QUEUED_WRITES) throw new MessageRefused(OUTBOX_FULL_MESSAGE);
        await deps.trintBudget.spend(await connectedLocation(deps.connection), 'write');
      }
      return outbox.enqueue(operation, { transcriptId });
    },
    'outbox/list': () => outbox.list(),
    'outbox/retry': ({ id }) => outbox.retry(id),
    'outbox/discard': ({ id }) => outbox.discard(id),
  };
}
