import { useEffect, useId, useState } from 'preact/hooks';
import type { Answer } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send-message';
import { syncSettingsItem } from '@/utils/storage/sync-settings-item';
import { plural } from '../../sync/relative-time';
import { useNow } from '../../sync/use-now';
import { useAction } from '../../shared/use-action';
import { useStorageValue } from '../../shared/use-storage-value';
import { DashboardTable } from './dashboard-table';
import { DashboardTotals } from './dashboard-totals';
import { DEFAULT_SORT, filterRows, nextSort, sortRows, type Sort } from './dashboard-sort';
import './dashboard.css';

type Listing = Answer<'dashboard/list'>;

/**
 * The options page's dashboard: every linked transcript with its contact, open and overdue tasks,
 * latest note, last sync and failed writes, with the counts at the top, a search and a sortable
 * table. Read from the background's cache, so opening it costs GHL nothing; Refresh reads again.
 */
export function Dashboard() {
  const [listing, setListing] = useState<Listing>();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const { busy, error, run } = useAction();
  const settings = useStorageValue(syncSettingsItem);
  const now = useNow(30_000);
  const searchId = useId();
  const load = () => run(async () => setListing(await sendMessage('dashboard/list', {})));
  useEffect(() => void load(), []);

  // Until the settings are read, counts show as counted: the background computed them the same way.
  const tasksSynced = settings?.tasks !== false;
  const notesSynced = settings?.notes !== 'off';
  const rows = listing?.rows ?? [];
  const shown = sortRows(filterRows(rows, query), sort);
  return (
    <section class="card dashboard" aria-labelledby="dashboard-title" aria-busy={busy}>
      <h2 id="dashboard-title" class="card__title">
        Dashboard
      </h2>
      <div class="row">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => void load()}
        >
          Refresh
        </button>
      </div>
      {error && (
        <div class="message message--error" role="alert">
          <p>The dashboard could not be read: {error}</p>
          <button type="button" class="button button--secondary" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!listing && !error && <p class="hint">Reading the linked transcripts…</p>}
      {listing && <DashboardTotals totals={listing.totals} tasksSynced={tasksSynced} />}
      {(!tasksSynced || !notesSynced) && (
        <p class="hint">
          {!tasksSynced && 'Tasks are not synced, so none are counted. '}
          {!notesSynced && 'Notes are not synced, so none are shown. '}
          Change this under Sync.
        </p>
      )}
      {listing && rows.length === 0 && (
        <p class="hint">
          No transcript is linked yet. Open one in Trint and link it from the panel.
        </p>
      )}
      {rows.length > 0 && (
        <>
          <div class="field dashboard__search">
            <label class="field__label" for={searchId}>
              Search transcripts
            </label>
            <input
              id={searchId}
              class="field__input"
              type="search"
              placeholder="Title or contact name"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          <p class="hint" role="status">
            {shown.length} of {plural(rows.length, 'transcript')}
          </p>
          {shown.length > 0 ? (
            <DashboardTable
              rows={shown}
              sort={sort}
              onSort={(key) => setSort((current) => nextSort(current, key))}
              now={now}
              tasksSynced={tasksSynced}
            />
          ) : (
            <p class="hint">No transcript or contact matches “{query.trim()}”.</p>
          )}
        </>
      )}
    </section>
  );
}
