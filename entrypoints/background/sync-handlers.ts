import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { MessageHandlers } from './message-router';

/** The sync's state, and a run now (the popup's "Sync now"). */
export function createSyncHandlers(deps: {
  engine: Pick<SyncEngine, 'status' | 'run'>;
}): Pick<MessageHandlers, 'sync/status' | 'sync/now'> {
  const { engine } = deps;
  return {
    'sync/status': () => engine.status(),
    async 'sync/now'() {
      await engine.run('sync-now');
      return engine.status();
    },
  };
}
