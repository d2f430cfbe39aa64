import type { SyncStatus } from '@/utils/storage/sync-status';
import { useConnectionStatus } from '../shared/use-connection-status';
import { plural, timeAgo, timeUntil } from './relative-time';
import { BudgetNote } from './budget-note';
import { QuotaUse } from './quota-use';
import { SyncNowButton } from './sync-now-button';
import { useNow } from './use-now';
import { useSyncStatus } from './use-sync-status';

/** How often "2 min ago" and "in 25 s" are brought up to date. */
const TICK_MS = 5000;

/**
 * What the sync did and will do: the last run (when, requests, changes, what went wrong), the
 * next one, the first full sync's progress, writes still queued, and "Sync now". Shown only while
 * connected: otherwise the connection card says what to do first.
 */
export function SyncStatusCard() {
  const connection = useConnectionStatus();
  const status = useSyncStatus();
  if (connection?.state !== 'connected' || !status) return null;
  return <SyncSummary status={status} />;
}

function SyncSummary({ status }: { status: SyncStatus }) {
  const now = useNow(TICK_MS);
  const { running, nextRunAt, firstSync, problem } = status;
  return (
    <section class="card" aria-labelledby="sync-title" aria-busy={running}>
      <h2 id="sync-title" class="card__title">
        Sync
      </h2>
      {problem && <p class="message message--error">{problem}</p>}
      {firstSync && <FirstSyncProgress {...firstSync} />}
      <LastRun lastRun={status.lastRun} now={now} />
      {status.failing ? (
        <p class="message message--error">
          {plural(status.failing, 'linked contact')} could not be synced; retrying with a longer
          wait each time.
        </p>
      ) : null}
      {running ? (
        <p class="card__text">Syncing now…</p>
      ) : (
        nextRunAt !== undefined && <p class="card__text">Next sync: {timeUntil(nextRunAt, now)}</p>
      )}
      <QueuedWrites outbox={status.outbox} />
      {status.quota && <QuotaUse quota={status.quota} />}
      <BudgetNote budget={status.budget} missingScopes={status.missingScopes} />
      <SyncNowButton running={running} />
    </section>
  );
}

function FirstSyncProgress({ done, total }: { done: number; total: number }) {
  return (
    <div class="sync-progress">
      <p class="card__text">
        First full sync: {done} of {plural(total, 'contact')}
      </p>
      {/* Without a total the bar is indeterminate rather than a misleading 0 of 0. */}
      <progress
        aria-label="First full sync"
        max={total || undefined}
        value={total ? done : undefined}
      />
    </div>
  );
}

function LastRun({ lastRun, now }: { lastRun: SyncStatus['lastRun']; now: number }) {
  if (!lastRun) return <p class="card__text">Never synced</p>;
  const { endedAt, requests, changes, errors, outcome, firstError, oddRecords, firstOddRecord } =
    lastRun;
  const first = firstError ? ` First error: ${firstError}` : '';
  return (
    <>
      <p class="card__text">
        Last sync:{' '}
        <time dateTime={new Date(endedAt).toISOString()} title={new Date(endedAt).toLocaleString()}>
          {timeAgo(endedAt, now)}
        </time>{' '}
        · {plural(requests, 'request')} · {plural(changes, 'change')}
      </p>
      {outcome === 'failed' && <p class="message message--error">The last sync failed.{first}</p>}
      {outcome === 'partial' && (
        <p class="message message--warning">
          The last sync finished with {plural(errors, 'error')}.{first}
        </p>
      )}
      {outcome === 'skipped' && <p class="hint">The last sync was skipped.{first}</p>}
      {oddRecords !== undefined && (
        <p class="hint">
          GHL sent {plural(oddRecords, 'record')} that did not fit; read as far as possible.
          {firstOddRecord && ` First: ${firstOddRecord}`}
        </p>
      )}
    </>
  );
}

function QueuedWrites({ outbox }: { outbox: SyncStatus['outbox'] }) {
  const lines = [
    outbox.pending > 0 && `${plural(outbox.pending, 'change')} waiting to be sent to GHL`,
    outbox.waiting > 0 && `${plural(outbox.waiting, 'change')} waiting for reconnect`,
    outbox.failed > 0 && `${plural(outbox.failed, 'change')} could not be sent (see below)`,
  ].filter((line) => line !== false);
  if (lines.length === 0) return null;
  return (
    <ul class="sync-counts">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
