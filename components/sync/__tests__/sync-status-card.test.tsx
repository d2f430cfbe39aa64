// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import { IDLE_SYNC_STATUS, type SyncStatus } from '@/utils/storage/sync-status';
import { SyncStatusCard } from '../sync-status-card';
import { button, click, mount, settle, textOf, waitFor } from './render-page';
import { CONNECTION_STATUS_KEY } from '@/utils/storage/connection-status-item';
import { SYNC_STATUS_KEY } from '@/utils/storage/sync-status-item';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const connected: ConnectionStatus = {
  state: 'connected',
  kind: 'pit',
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  canWrite: true,
  since: 0,
};
const lastRun = {
  startedAt: NOW - 125_000,
  endedAt: NOW - 120_000,
  outcome: 'ok' as const,
  requests: 12,
  contactsChecked: 40,
  changes: 3,
  errors: 0,
};

async function show(status: Partial<SyncStatus>, connection: ConnectionStatus = connected) {
  await fakeBrowser.storage.session.set({
    [CONNECTION_STATUS_KEY]: connection,
    [SYNC_STATUS_KEY]: { ...IDLE_SYNC_STATUS, ...status },
  });
  const page = await mount(<SyncStatusCard />);
  await settle();
  unmount = page.unmount;
  return page.container;
}
let unmount = () => {};

describe('SyncStatusCard', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it.each<[string, ConnectionStatus]>([
    ['not connected', { state: 'not-connected' }],
    ['reconnect needed', { ...connected, state: 'reconnect-needed', reconnectReason: 'revoked' }],
  ])('shows nothing when %s', async (_name, connection) => {
    const page = await show({ lastRun }, connection);
    expect(page.innerHTML).toBe('');
  });

  it('says when nothing has synced yet', async () => {
    const page = await show({});
    expect(textOf(page)).toContain('Never synced');
    expect(page.querySelector('progress')).toBeNull();
  });

  it('shows the last run and counts down to the next', async () => {
    const page = await show({ lastRun, nextRunAt: NOW + 25_000 });
    expect(textOf(page)).toContain('Last sync: 2 min ago · 12 requests · 3 changes');
    expect(textOf(page)).toContain('Next sync: in 25 s');
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(textOf(page)).toContain('Next sync: in 20 s');
  });

  it('says what went wrong in a failed or partial run', async () => {
    const failed = {
      ...lastRun,
      outcome: 'failed' as const,
      errors: 1,
      firstError: 'GHL is down.',
    };
    expect(textOf(await show({ lastRun: failed }))).toContain(
      'The last sync failed. First error: GHL is down.',
    );
    unmount();
    const partial = { ...lastRun, outcome: 'partial' as const, errors: 2, firstError: 'Timeout.' };
    const page = await show({ lastRun: partial });
    expect(page.querySelector('.message--warning')?.textContent).toBe(
      'The last sync finished with 2 errors. First error: Timeout.',
    );
  });

  it('says how many records GHL sent did not fit, and the first (issue 19)', async () => {
    const odd = { ...lastRun, oddRecords: 2, firstOddRecord: 'A task of contact c1 (t2) was…' };
    const page = await show({ lastRun: odd });
    expect(page.querySelector('.hint')?.textContent).toBe(
      'GHL sent 2 records that did not fit; read as far as possible. First: A task of contact c1 (t2) was…',
    );
    unmount();
    expect(textOf(await show({ lastRun }))).not.toContain('did not fit');
  });

  it('shows the first full sync as a labelled progress bar', async () => {
    const page = await show({ firstSync: { done: 40, total: 120 } });
    const bar = page.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('First full sync');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['40', '120']);
    expect(textOf(page)).toContain('First full sync: 40 of 120 contacts');
  });

  it('says how many linked contacts keep failing', async () => {
    expect(textOf(await show({ failing: 2 }))).toContain(
      '2 linked contacts could not be synced; retrying',
    );
    expect(textOf(await show({ failing: 0 }))).not.toContain('could not be synced');
  });

  it('shows queued writes and a problem', async () => {
    const page = await show({
      outbox: { pending: 3, waiting: 1, failed: 2 },
      problem: 'The browser’s storage for this extension is full.',
    });
    const text = textOf(page);
    expect(text).toContain('3 changes waiting to be sent to GHL');
    expect(text).toContain('1 change waiting for reconnect');
    expect(text).toContain('2 changes could not be sent');
    expect(text).toContain('storage for this extension is full');
  });

  it('shows the requests of the last 24 h against the location’s daily limit (issue 17)', async () => {
    const quota = { sentLast24h: 3120, limit: 200_000, remaining: 150_000, pressure: 'normal' };
    const text = textOf(await show({ quota: { ...quota, pressure: 'normal' } }));
    expect(text).toContain(
      'GHL requests in the last 24 h: 3,120 — 1.6% of the location’s daily limit',
    );
    expect(text).not.toContain('background sync is');
    unmount();
    const few = textOf(await show({ quota: { ...quota, sentLast24h: 20, pressure: 'normal' } }));
    expect(few).toContain('20 — under 0.1% of the location’s daily limit');
    unmount();
    const unknown = textOf(await show({ quota: { sentLast24h: 7, pressure: 'normal' } }));
    expect(unknown).toContain('GHL requests in the last 24 h: 7');
    expect(unknown).not.toContain('daily limit');
  });

  it('says when the location’s daily quota slowed or paused background sync', async () => {
    const base = { sentLast24h: 120_000, limit: 200_000 };
    const slow = textOf(await show({ quota: { ...base, remaining: 30_000, pressure: 'slow' } }));
    expect(slow).toContain('Only 15% of the location’s daily GHL limit is left');
    expect(slow).toContain('background sync is slowed so your own actions keep working');
    unmount();
    const paused = textOf(await show({ quota: { ...base, remaining: 8_000, pressure: 'paused' } }));
    expect(paused).toContain('Only 4.0% of the location’s daily GHL limit is left');
    expect(paused).toContain('background sync is paused until GHL resets the limit');
  });

  it('updates when the background publishes a new status', async () => {
    const page = await show({});
    await fakeBrowser.storage.session.set({ [SYNC_STATUS_KEY]: { ...IDLE_SYNC_STATUS, lastRun } });
    await waitFor(() => expect(textOf(page)).toContain('Last sync: 2 min ago'));
  });

  it('syncs now, busy until the background answers', async () => {
    let answer!: (status: SyncStatus) => void;
    send.mockImplementation(() => new Promise((resolve) => (answer = resolve as never)));
    const page = await show({});
    await click(button(page, 'Sync now'));
    expect(send).toHaveBeenCalledWith('sync/now', {});
    expect(button(page, 'Syncing…').disabled).toBe(true);
    answer(IDLE_SYNC_STATUS);
    await waitFor(() => expect(button(page, 'Sync now').disabled).toBe(false));
  });

  it('says why Sync now failed', async () => {
    send.mockRejectedValue(new MessageError('offline', 'You are offline.'));
    const page = await show({});
    await click(button(page, 'Sync now'));
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('You are offline.');
  });

  it('offers no second sync while one runs', async () => {
    const page = await show({ running: true, nextRunAt: NOW + 25_000 });
    expect(button(page, 'Syncing…').disabled).toBe(true);
    expect(textOf(page)).toContain('Syncing now…');
    expect(textOf(page)).not.toContain('Next sync');
    expect(page.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
  });

  it('says why the sync is slower: the daily budget, and the team’s share when it was cut for it', async () => {
    let page = await show({ budget: { requestsPerDay: 20_000, stretch: 2.46 } });
    expect(textOf(page)).toContain(
      'To stay within your daily budget (20,000 GHL requests a day), transcripts not open in a tab wait 2.5 times as long between refreshes as set.',
    );
    unmount();
    page = await show({
      budget: {
        requestsPerDay: 4_000,
        stretch: 12,
        openStretch: 3.2,
        team: { locationPerDay: 380_400, teamPerDay: 90_000 },
      },
    });
    expect(textOf(page)).toContain(
      'Your team’s extensions together spend about 380,400 GHL requests a day on this location, more than the team’s share allows (90,000, with a margin). To stay within your part of it (4,000 GHL requests a day), transcripts not open in a tab wait 12 times as long between refreshes as set, and the one open in a tab 3.2 times as long.',
    );
  });
});
