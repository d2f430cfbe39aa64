import type { Clock } from '@/utils/clock';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import { createOutbox, type OutboxConnection } from '@/utils/outbox/outbox';
import { scheduleOutboxAlarm } from '@/utils/outbox/outbox-schedule';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import type { BackgroundWork } from './background-work';
import { fieldMappingItem } from '@/utils/storage/field-mapping-item';
import { createOutboxEffects, type OutboxEffectsDeps } from './outbox-effects';
import type { TrintTabs } from './trint-tabs';

/** What {@link createBackgroundOutbox} is built from. */
export interface BackgroundOutboxDeps {
  db: CacheDbSource;
  connection: OutboxConnection;
  clock: Clock;
  transcripts: TranscriptStore;
  tabs: Pick<TrintTabs, 'tellAll'>;
  tell: OutboxEffectsDeps['tell'];
  notice: OutboxEffectsDeps['notice'];
  work: BackgroundWork;
  /** Publishes the sync status (with the outbox's counts), and a problem to show if any. */
  publishSync(problem?: string): void;
  timeZone?: string;
  /** Jitter of the backoff (Math.random by default). */
  random?: () => number;
}

/**
 * The outbox as the background runs it, with what follows its writes (timeline lines, notes
 * attached, a notification for a write that failed for good). Its own file, so the outbox's
 * wiring has one place.
 */
export function createBackgroundOutbox(deps: BackgroundOutboxDeps) {
  const { db, clock, work, publishSync } = deps;
  const effects = createOutboxEffects({
    db,
    transcripts: deps.transcripts,
    mapping: fieldMappingItem.read,
    now: () => clock.now(),
    tell: deps.tell,
    notice: deps.notice,
    timeZone: deps.timeZone,
  });
  const outbox = createOutbox({
    db,
    connection: deps.connection,
    clock,
    random: deps.random,
  });
  outbox.on('changed', () => {
    publishSync();
    work.run(scheduleOutboxAlarm(outbox, clock));
    // Open panels show pending writes: a write queued, sent, failed or gone changes them.
    work.run(deps.tabs.tellAll(['pending']));
  });
  outbox.on('failed', (job) => work.run(effects.failed(job)));
  // Awaited by the outbox (it logs a failure): the job is deleted only once these have run.
  outbox.on('applied', (job, result, completed) => effects.applied(job, result, completed));
  // A full disk met while sending: the popup says so (the job keeps the reason too).
  outbox.on('problem', (message) => publishSync(message));
  return outbox;
}
