import type { Outbox } from '@/utils/outbox/outbox';
import type { MessageHandlers } from './message-router';

type OutboxMessages = 'outbox/enqueue' | 'outbox/list' | 'outbox/retry' | 'outbox/discard';

/**
 * The panel's and the popup's writes: queued in the outbox, which sends them to GHL; the writes
 * waiting or failed, and a person's retry or discard of one. (What a Trint tab may see and act on
 * of them is its access rules' business: tab-access.ts.)
 */
export function createOutboxHandlers(deps: {
  outbox: Pick<Outbox, 'enqueue' | 'list' | 'retry' | 'discard'>;
}): Pick<MessageHandlers, OutboxMessages> {
  const { outbox } = deps;
  return {
    'outbox/enqueue': ({ operation, transcriptId }) => outbox.enqueue(operation, { transcriptId }),
    'outbox/list': () => outbox.list(),
    'outbox/retry': ({ id }) => outbox.retry(id),
    'outbox/discard': ({ id }) => outbox.discard(id),
  };
}
