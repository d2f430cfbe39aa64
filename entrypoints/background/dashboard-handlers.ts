import type { ConnectionService } from '@/utils/auth/connection-service';
import type { Clock } from '@/utils/clock';
import { buildDashboard } from '@/utils/dashboard/build-dashboard';
import { readDashboardSource } from '@/utils/dashboard/dashboard-source';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import type { MessageHandlers } from './message-router';
import type { SyncSettings } from '@/utils/storage/sync-settings';

/** What the dashboard is answered from: the cache, the clock and the what-to-sync settings. */
export interface DashboardHandlerDeps {
  connection: Pick<ConnectionService, 'status'>;
  db: CacheDbSource;
  clock: Pick<Clock, 'now'>;
  settings(): Promise<Pick<SyncSettings, 'tasks' | 'notes'>>;
}

/**
 * The options page's dashboard of linked transcripts, read from the cache alone: opening it costs
 * GHL nothing. While connected (or waiting for a reconnect) it shows that location's links; not
 * connected, whatever the cache still holds.
 */
export function createDashboardHandlers(
  deps: DashboardHandlerDeps,
): Pick<MessageHandlers, 'dashboard/list'> {
  return {
    async 'dashboard/list'() {
      const status = await deps.connection.status();
      const locationId = status.state === 'not-connected' ? undefined : status.locationId;
      const settings = await deps.settings();
      const source = await readDashboardSource(await deps.db.get(), locationId);
      return buildDashboard(source, { now: deps.clock.now(), settings });
    },
  };
}
