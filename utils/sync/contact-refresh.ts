import type { SyncRun } from '../db/cache-schema';
import { runErrorOf } from './sync-errors';
import { endRun, readRunInputs, syncAll, type SyncEngineContext } from './sync-run-steps';
import { newRun, startRun } from './sync-runs';

/**
 * A panel opened on a transcript: syncs its contact now, at a person's priority, without
 * waiting for a run (the two cannot narrate one change twice: see syncContact). Recorded as a
 * run of its own. Throws when not connected.
 */
export async function refreshContact(
  engine: SyncEngineContext,
  contactId: string,
  trigger: SyncRun['trigger'],
): Promise<SyncRun> {
  const { deps, publisher } = engine;
  const db = await deps.db.get();
  const client = await deps.connection.client();
  const inputs = await readRunInputs(deps);
  const run = newRun(deps.clock.now(), trigger);
  let id: number | undefined;
  try {
    id = await startRun(db, run);
  } catch (error) {
    run.errors.push(runErrorOf(error, contactId));
  }
  if (id !== undefined) await syncAll(engine, db, client, inputs)([contactId], run, 'user');
  await endRun(engine, db, id, run);
  await publisher.publish();
  return run;
}
