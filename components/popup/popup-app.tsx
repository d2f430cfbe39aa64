import { browser } from 'wxt/browser';
import { ConnectionCard } from '../connection/connection-card';
import { useConnectionStatus } from '../shared/use-connection-status';
import { FailedJobs } from '../sync/failed-jobs';
import { SyncStatusCard } from '../sync/sync-status-card';
import { CardFieldToggles } from './card-field-toggles';
import { MissingNameScopes } from './missing-name-scopes';
import { useLocationNames } from './use-location-names';

/**
 * The toolbar popup: connection state at a glance, the way to connect, what the sync did, writes
 * that failed, which mapped fields the card shows, and settings.
 */
export function PopupApp() {
  const { version } = browser.runtime.getManifest();
  const status = useConnectionStatus();
  const names = useLocationNames(status);
  return (
    <main class="page page--popup">
      <header class="page__header">
        <h1 class="page__title">GHL for Trint</h1>
        <span class="page__version">v{version}</span>
      </header>
      <ConnectionCard status={status} />
      <MissingNameScopes names={names} />
      <SyncStatusCard />
      <FailedJobs />
      <CardFieldToggles customFields={names?.customFields} />
      <button
        type="button"
        class="button button--secondary"
        onClick={() => void browser.runtime.openOptionsPage()}
      >
        Open settings
      </button>
    </main>
  );
}
