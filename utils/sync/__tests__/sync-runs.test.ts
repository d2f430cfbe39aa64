import { QUOTA_PAUSED_MESSAGE } from '../../ghl/daily-quota';
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../../db/cache-schema';
import { createCacheDbSource } from '../../db/open-cache-db';
import {
  finishRun,
  lastFinishedRun,
  listRuns,
  RUNS_KEPT,
  runOutcome,
  startRun,
} from '../sync-runs';

let dbCount = 0;
const openDb = () => createCacheDbSource(`runs-test-${(dbCount += 1)}`).get();

describe('sync run history', () => {
  it('records start and end; the last finished run is what the popup shows', async () => {
    const db = await openDb();
    const id = await startRun(db, { startedAt: 100, trigger: 'alarm' });
    const run: SyncRun = {
      startedAt: 100,
      endedAt: 180,
      trigger: 'alarm',
      requests: 8,
      contactsChecked: 2,
      changes: 1,
      errors: [],
      outcome: 'ok',
    };
    await finishRun(db, id, run);
    await startRun(db, { startedAt: 200, trigger: 'sync-now' }); // cut short: never ended
    expect(await lastFinishedRun(db)).toEqual({ ...run, id });
    expect((await listRuns(db)).map((r) => r.startedAt)).toEqual([200, 100]);
  });

  it(`keeps the last ${RUNS_KEPT} runs`, async () => {
    const db = await openDb();
    for (let i = 0; i < RUNS_KEPT + 5; i += 1)
      await startRun(db, { startedAt: i, trigger: 'alarm' });
    const runs = await listRuns(db);
    expect(runs).toHaveLength(RUNS_KEPT);
    expect(runs.at(-1)!.startedAt).toBe(5);
  });

  it.each<[SyncRun['errors'], number, SyncRun['outcome']]>([
    [[], 0, 'ok'],
    [[{ kind: 'server', message: 'm', contactId: 'c' }], 3, 'partial'],
    [[{ kind: 'reconnect-needed', message: 'm' }], 0, 'failed'],
    // The quota pause is told by its kind, whatever its words.
    [[{ kind: 'quota-paused', message: 'any words' }], 2, 'ok'],
    [[{ kind: 'quota-paused', message: 'any words' }], 0, 'skipped'],
    [[{ kind: 'rate-limited', message: QUOTA_PAUSED_MESSAGE }], 0, 'failed'],
  ])('outcome of %o with %i checked is %s', (errors, contactsChecked, outcome) => {
    expect(runOutcome({ errors, contactsChecked })).toBe(outcome);
  });
});
