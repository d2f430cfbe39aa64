import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ConnectionStatus } from '@/utils/auth/connection-status';
import type { CacheDb, OutboxJob } from '@/utils/db/cache-schema';
import { createCacheDbSource } from '@/utils/db/open-cache-db';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '@/utils/storage/sync-settings';
import { createDashboardHandlers } from '../dashboard-handlers';
import { backgroundUnderTest, JANE } from './sync-wiring-harness';

const PAGE = 'extension-page' as const;
const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const DAY = 86_400_000;
const iso = (at: number) => new Date(at).toISOString();

const CONNECTED: ConnectionStatus = {
  state: 'connected',
  kind: 'pit',
  locationId: 'loc-1',
  scopes: [],
  canWrite: true,
  since: NOW - DAY,
};

type Value<S extends keyof CacheDb> = CacheDb[S]['value'];

const link = (transcriptId: string, contactId: string, locationId = 'loc-1') => ({
  transcriptId,
  contactId,
  locationId,
  linkedAt: NOW - DAY,
});
const contact = (id: string, fields: Record<string, unknown>, extra = {}) => ({
  id,
  locationId: 'loc-1',
  contact: { id, ...fields },
  lastUsedAt: NOW,
  ...extra,
});
const task = (id: string, contactId: string, dueDate: string | undefined, completed = false) => ({
  id,
  contactId,
  value: { id, title: `Task ${id}`, dueDate, completed, contactId },
  hash: id,
  fetchedAt: NOW,
});
const note = (id: string, contactId: string, body: string, dateAdded: string) => ({
  id,
  contactId,
  value: { id, body, dateAdded, contactId },
  hash: id,
  fetchedAt: NOW,
});
const job = (
  id: string,
  status: OutboxJob['status'],
  operation: OutboxJob['operation'],
  extra: Partial<OutboxJob> = {},
): OutboxJob => ({
  id,
  createdAt: NOW - 1000,
  operation,
  status,
  attempts: 1,
  nextAttemptAt: NOW,
  locationId: 'loc-1',
  ...extra,
});

const LONG_NOTE = `Budget approved.\n\n${'word '.repeat(60)}`;

/**
 * Ann on one transcript, Carl on two (one untitled), Bob deleted in GHL, and Xavier in another
 * location: tasks overdue, due later, done and undated; notes attached and not; writes failed,
 * queued and about nobody on the dashboard.
 */
const SEED: { [S in keyof CacheDb]?: Value<S>[] } = {
  links: [
    link('t-ann', 'ann'),
    link('t-carl-1', 'carl'),
    link('t-carl-2', 'carl'),
    link('t-bob', 'bob'),
    link('t-xav', 'xav', 'loc-2'),
  ],
  transcripts: [
    { transcriptId: 't-ann', title: 'Alpha call', noteIds: ['n-a1', 'n-a2'] },
    { transcriptId: 't-carl-1', title: 'Carl kick-off', noteIds: ['n-c1'] },
    { transcriptId: 't-carl-2', title: '  ', noteIds: [] },
    { transcriptId: 't-bob', title: 'Bob review', noteIds: [], contactDeletedAt: NOW - DAY },
    { transcriptId: 't-xav', title: 'Xavier', noteIds: [] },
  ],
  contacts: [
    contact('ann', { name: 'Ann Lee' }, { syncedAt: NOW - 120_000 }),
    contact('carl', { firstName: 'Carl', lastName: 'Diaz' }, { syncedAt: NOW - 3_600_000 }),
    contact('bob', { name: 'Bob Roe' }, { syncedAt: NOW - DAY, deletedAt: NOW - DAY }),
    contact('xav', { name: 'Xavier' }, { locationId: 'loc-2' }),
  ],
  tasks: [
    task('ann-late', 'ann', iso(NOW - DAY)),
    task('ann-next', 'ann', iso(NOW + DAY)),
    task('ann-done', 'ann', iso(NOW - 2 * DAY), true),
    task('carl-late-1', 'carl', iso(NOW - 60_000)),
    task('carl-late-2', 'carl', iso(NOW - 3 * DAY)),
    task('carl-undated', 'carl', undefined),
    task('bob-late', 'bob', iso(NOW - DAY)),
    task('xav-late', 'xav', iso(NOW - DAY)),
  ],
  notes: [
    note('n-a1', 'ann', LONG_NOTE, '2026-11-20T09:00:00.000Z'),
    note('n-a2', 'ann', 'Wants a  pilot\nin Q1.', '2026-11-25T09:00:00.000Z'),
    note('n-a3', 'ann', 'Newest, but not attached', '2026-11-26T09:00:00.000Z'),
    note('n-c1', 'carl', 'Carl’s note', '2026-11-01T09:00:00.000Z'),
  ],
  outbox: [
    job(
      'carl-task',
      'failed',
      { kind: 'task.create', contactId: 'carl', body: {} },
      {
        transcriptId: 't-carl-1',
      },
    ),
    job('new-contact', 'failed', { kind: 'contact.create', body: {} }, { transcriptId: 't-ann' }),
    job('ann-queued', 'queued', { kind: 'tags.add', contactId: 'ann', tags: ['x'] }),
    job('elsewhere', 'failed', { kind: 'tags.add', contactId: 'zed', tags: ['x'] }),
    job(
      'xav-failed',
      'failed',
      { kind: 'tags.add', contactId: 'xav', tags: ['x'] },
      {
        locationId: 'loc-2',
      },
    ),
  ],
};

let dbCount = 0;

/** A fresh cache holding SEED, and the dashboard handler over it. */
async function seeded(
  options: { status?: ConnectionStatus; settings?: Partial<SyncSettings> } = {},
) {
  const db = createCacheDbSource(`dashboard-${(dbCount += 1)}`);
  const open = await db.get();
  for (const [store, values] of Object.entries(SEED)) {
    for (const value of values ?? []) await open.put(store as 'links', value as Value<'links'>);
  }
  const handlers = createDashboardHandlers({
    connection: { status: async () => options.status ?? CONNECTED },
    db,
    clock: { now: () => NOW },
    settings: async () => ({ ...DEFAULT_SYNC_SETTINGS, ...options.settings }),
  });
  const list = () => handlers['dashboard/list']({}, PAGE);
  return Object.assign(list, { db: open });
}

describe('dashboard/list', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a row per linked transcript of the location, and counts each thing once', async () => {
    const list = await seeded();
    const dashboard = await list();
    expect(dashboard.rows).toEqual([
      {
        transcriptId: 't-ann',
        title: 'Alpha call',
        contactId: 'ann',
        contactName: 'Ann Lee',
        openTasks: 2,
        overdueTasks: 1,
        latestNote: { body: 'Wants a pilot in Q1.', at: '2026-11-25T09:00:00.000Z' },
        syncedAt: NOW - 120_000,
        failedJobs: 1,
        contactDeleted: false,
      },
      {
        transcriptId: 't-bob',
        title: 'Bob review',
        contactId: 'bob',
        contactName: 'Bob Roe',
        // Bob is gone from GHL, and so are his tasks, whatever the cache still holds.
        openTasks: 0,
        overdueTasks: 0,
        latestNote: undefined,
        syncedAt: NOW - DAY,
        failedJobs: 0,
        contactDeleted: true,
      },
      {
        transcriptId: 't-carl-1',
        title: 'Carl kick-off',
        contactId: 'carl',
        contactName: 'Carl Diaz',
        openTasks: 3,
        overdueTasks: 2,
        latestNote: { body: 'Carl’s note', at: '2026-11-01T09:00:00.000Z' },
        syncedAt: NOW - 3_600_000,
        failedJobs: 1,
        contactDeleted: false,
      },
      {
        transcriptId: 't-carl-2',
        title: undefined,
        contactId: 'carl',
        contactName: 'Carl Diaz',
        openTasks: 3,
        overdueTasks: 2,
        latestNote: undefined,
        syncedAt: NOW - 3_600_000,
        // The failed write was made on t-carl-1, but it is about Carl: it shows here too.
        failedJobs: 1,
        contactDeleted: false,
      },
    ]);
    // Carl's two overdue tasks and his failed write once each, though he is on two rows.
    expect(dashboard.totals).toEqual({
      linkedTranscripts: 4,
      contacts: 3,
      overdueTasks: 3,
      failedJobs: 2,
    });
  });

  it('cuts a long note to an excerpt', async () => {
    const list = await seeded();
    await list.db.put('transcripts', {
      transcriptId: 't-ann',
      title: 'Alpha call',
      noteIds: ['n-a1'],
    });
    const ann = (await list()).rows.find((row) => row.transcriptId === 't-ann');
    expect(ann?.latestNote?.body).toMatch(/^Budget approved\. word word .*word…$/);
    expect(ann?.latestNote?.body.length).toBeLessThanOrEqual(140);
  });

  it('counts no tasks while tasks are not synced, and no note while notes are off', async () => {
    const list = await seeded({ settings: { tasks: false, notes: 'off' } });
    const dashboard = await list();
    for (const row of dashboard.rows) {
      expect(row).toMatchObject({ openTasks: 0, overdueTasks: 0, latestNote: undefined });
    }
    expect(dashboard.totals).toMatchObject({ overdueTasks: 0, failedJobs: 2 });
  });

  it('shows every cached link while not connected', async () => {
    const list = await seeded({ status: { state: 'not-connected' } });
    const dashboard = await list();
    expect(dashboard.rows.map((row) => row.transcriptId)).toContain('t-xav');
    expect(dashboard.totals).toEqual({
      linkedTranscripts: 5,
      contacts: 4,
      overdueTasks: 4,
      failedJobs: 3,
    });
  });

  it('answers an empty dashboard for an empty cache', async () => {
    const db = createCacheDbSource(`dashboard-empty-${(dbCount += 1)}`);
    const handlers = createDashboardHandlers({
      connection: { status: async () => CONNECTED },
      db,
      clock: { now: () => NOW },
      settings: async () => DEFAULT_SYNC_SETTINGS,
    });
    expect(await handlers['dashboard/list']({}, PAGE)).toEqual({
      rows: [],
      totals: { linkedTranscripts: 0, contacts: 0, overdueTasks: 0, failedJobs: 0 },
    });
  });

  it('lists a transcript linked through the real wiring with the Sandbox contact’s tasks and notes', async () => {
    const h = backgroundUnderTest();
    await h.connect();
    await h.run(
      h.handlers['transcript/opened']({ transcriptId: 't-1', title: 'Discovery call' }, PAGE),
    );
    await h.run(h.handlers['link/set']({ transcriptId: 't-1', contactId: JANE }, PAGE));
    const before = h.sandbox.state.counters.total;
    const dashboard = createDashboardHandlers({
      connection: h.connection,
      db: h.db,
      clock: h.fake.clock,
      settings: async () => DEFAULT_SYNC_SETTINGS,
    });

    const { rows, totals } = await h.run(dashboard['dashboard/list']({}, PAGE));
    const syncedAt = (await (await h.db.get()).get('contacts', JANE))?.syncedAt;
    expect(syncedAt).toBeTypeOf('number');
    expect(rows).toEqual([
      expect.objectContaining({
        transcriptId: 't-1',
        title: 'Discovery call',
        contactId: JANE,
        contactName: 'Jane Doe',
        // Send pilot pricing (2 days late) and Book quarterly review (in 3 days).
        openTasks: 2,
        overdueTasks: 1,
        latestNote: expect.objectContaining({ body: 'Asked about the API and SSO.' }),
        syncedAt,
        failedJobs: 0,
        contactDeleted: false,
      }),
    ]);
    expect(totals).toEqual({ linkedTranscripts: 1, contacts: 1, overdueTasks: 1, failedJobs: 0 });
    // The dashboard is read from the cache: GHL is not asked.
    expect(h.sandbox.state.counters.total).toBe(before);
  });
});
