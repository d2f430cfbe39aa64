import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import type { SyncSettings } from '@/utils/storage/sync-settings';
import { backgroundUnderTest, JANE, type BackgroundUnderTest } from './sync-wiring-harness';

/** Messages from the popup: not limited to one transcript like a Trint tab. */
export const PAGE = 'extension-page' as const;

/** Connected, with t-1 and t-2 linked to Jane under the given notes setting. */
export async function janeOnTwo(notes: SyncSettings['notes'] = 'all') {
  const h = backgroundUnderTest({ settings: { notes } });
  await h.connect();
  for (const transcriptId of ['t-1', 't-2']) {
    await h.run(h.handlers['link/set']({ transcriptId, contactId: JANE }, PAGE));
  }
  h.told.length = 0;
  return h;
}

/** Queues a write as the panel does and lets the outbox finish it, effects included. */
export async function write(
  h: BackgroundUnderTest,
  operation: OutboxOperation,
  transcriptId?: string,
) {
  await h.run(h.handlers['outbox/enqueue']({ operation, transcriptId }, PAGE));
  await h.settle();
}

/** What the panel of `transcriptId` reads. */
export const view = (h: BackgroundUnderTest, transcriptId: string) =>
  h.run(h.handlers['transcript/get']({ transcriptId }, PAGE));
