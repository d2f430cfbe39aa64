import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { FakeClock } from '@/test/support/fake-clock';
import { FAILURE_NOTIFICATION_PREFIX } from '@/utils/alerts/failure-notice';
import { CONNECTION_STATUS_KEY } from '@/utils/storage/connection-status-item';
import { TOKEN_REFRESH_ALARM } from '@/utils/auth/refresh-alarm';
import { OUTBOX_ALARM } from '@/utils/outbox/outbox-schedule';
import { SYNC_ALARM } from '@/utils/sync/sync-alarm';
import { SYNC_SETTINGS_KEY } from '@/utils/storage/sync-settings-item';
import { SYNC_STATUS_KEY } from '@/utils/storage/sync-status-item';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/storage/sync-settings';
import { drive } from '@/utils/sync/__tests__/sync-harness';
import { RECONNECT_NOTIFICATION_ID } from '../connection-effects';
import type { Background } from '../create-background';
import background from '../index';
import { createSandboxGhl } from '@/sandbox/sandbox-ghl';
import { SANDBOX_SCRIPT } from '@/utils/ghl/sandbox-port';

// The shipped entrypoint, driven through WXT's fake browser: each test starts the worker with
// `main()` and fires browser events at it. The system clock is a fake one, and the background
// main() built is kept so a test can wait until the work an event started is done.
const shipped = vi.hoisted(() => ({
  fake: undefined as FakeClock | undefined,
  background: undefined as Background | undefined,
}));
vi.mock('@/utils/clock', async (importOriginal) => {
  const { createFakeClock } = await import('@/test/support/fake-clock');
  shipped.fake = createFakeClock();
  return { ...(await importOriginal<object>()), systemClock: shipped.fake.clock };
});
vi.mock('../create-background', async (importOriginal) => {
  const real = await importOriginal<typeof import('../create-background')>();
  return {
    ...real,
    createBackground: (deps: Parameters<typeof real.createBackground>[0]) =>
      (shipped.background = real.createBackground(deps)),
  };
});

const fake = () => shipped.fake!;
const built = () => shipped.background!;
/** Lets the work the last event started finish, running fake time as it needs. */
const settled = () => drive(fake(), built().idle());

const POPUP = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

/** Sends a message as the browser would deliver it to the background, and answers its reply. */
async function send(type: string, payload: unknown = {}, sender: object = POPUP) {
  const [reply] = await drive(
    fake(),
    fakeBrowser.runtime.onMessage.trigger({ type, payload }, sender),
  );
  return (await reply) as {
    ok: boolean;
    value?: Record<string, unknown>;
    error?: { kind: string };
  };
}

/** Starts the worker as the browser does, and lets its start-up finish. */
async function startWorker() {
  background.main();
  await settled();
}

/** The browser reports one Trint editor tab, showing `transcriptId`. */
function trintTab(id: number, transcriptId: string) {
  const tabs = async () => [{ id, url: `https://app.trint.com/editor/${transcriptId}` }];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(
    tabs as unknown as typeof fakeBrowser.tabs.query,
  );
}

async function stored(key: string) {
  return (await fakeBrowser.storage.session.get(key))[key] as Record<string, unknown> | undefined;
}

/** The listeners main() added to commands.onCommand (see beforeEach). */
const commandListeners: ((name: string, tab?: { id?: number; url?: string }) => void)[] = [];

describe('the shipped background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // A fresh IndexedDB per test: the worker opens the extension's own database names.
    vi.stubGlobal('indexedDB', new IDBFactory());
    // What the Sandbox's own bundle (sandbox-ghl.js) leaves when the worker loads it: this test
    // environment has neither importScripts nor a document to load it with.
    vi.stubGlobal(SANDBOX_SCRIPT.global, () => createSandboxGhl());
    // WXT's fake browser has no commands.onCommand: the listener main() adds is kept here.
    commandListeners.length = 0;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      commandListeners.push(listener as (typeof commandListeners)[number]);
    });
  });
  afterEach(async () => {
    await drive(fake(), built().outbox.close());
    vi.unstubAllGlobals();
  });

  it('sets the sync alarm and publishes its statuses when it starts', async () => {
    await startWorker();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 0.5 });
    expect(await stored(SYNC_STATUS_KEY)).toMatchObject({ running: false });
  });

  it('answers a message from its own pages, and refuses one from anywhere else', async () => {
    await startWorker();
    expect(await send('connection/status')).toEqual({
      ok: true,
      value: expect.objectContaining({ state: 'not-connected' }),
    });
    const page = { id: 'another-extension', url: 'https://example.com/' };
    expect(await send('connection/status', {}, page)).toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });

    const connected = await send('connection/connect-sandbox');
    expect(connected).toMatchObject({ ok: true, value: { state: 'connected', kind: 'sandbox' } });
    await settled();
    expect(await stored(CONNECTION_STATUS_KEY)).toMatchObject({ state: 'connected' });
  });

  it('syncs when the sync alarm fires', async () => {
    await startWorker();
    await send('connection/connect-sandbox');
    await send('link/set', { transcriptId: 't-1', contactId: 'sbxContJaneDoe000002' });
    await settled();
    // Its transcript is open in a tab: the contact is due again within minutes.
    trintTab(3, 't-1');
    await fake().advance(5 * 60_000);
    const firedAt = fake().now();

    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: firedAt });
    await settled();
    const status = await stored(SYNC_STATUS_KEY);
    expect(status?.lastRun).toMatchObject({ startedAt: firedAt, contactsChecked: 1 });
  });

  it('sends the outbox when its alarm fires, and only then', async () => {
    await startWorker();
    const process = vi.spyOn(built().outbox, 'process');

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'some-other-alarm', scheduledTime: 0 });
    await settled();
    expect(process).not.toHaveBeenCalled();
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: 0 });
    await settled();
    expect(process).toHaveBeenCalledTimes(1);
  });

  it('checks the token when the refresh alarm fires, then sets the alarm again', async () => {
    await startWorker();
    // Left from an OAuth connection: with none stored, the check ends by clearing it.
    await fakeBrowser.alarms.create(TOKEN_REFRESH_ALARM, { when: fake().now() });

    await fakeBrowser.alarms.onAlarm.trigger({ name: TOKEN_REFRESH_ALARM, scheduledTime: 0 });
    await settled();
    expect(await fakeBrowser.alarms.get(TOKEN_REFRESH_ALARM)).toBeUndefined();
  });

  it('forgets what a closed tab was shown', async () => {
    await startWorker();
    const key = 'shown-contacts:7';
    await fakeBrowser.storage.session.set({ [key]: [['sbxContJaneDoe000002', fake().now()]] });
    await fakeBrowser.storage.session.set({ 'shown-contacts:8': [['x', fake().now()]] });

    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await settled();
    expect(await fakeBrowser.storage.session.get(key)).toEqual({});
    expect(await fakeBrowser.storage.session.get('shown-contacts:8')).not.toEqual({});
  });

  it('tells open panels to re-read when the sync settings change', async () => {
    await startWorker();
    trintTab(3, 't-1');
    const tell = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);

    await fakeBrowser.storage.session.set({ unrelated: 1 });
    await settled();
    expect(tell).not.toHaveBeenCalled();
    await fakeBrowser.storage.session.set({ [SYNC_SETTINGS_KEY]: DEFAULT_SYNC_SETTINGS });
    await settled();
    expect(tell.mock.calls).toEqual([
      [3, { type: 'transcript/changed', transcriptId: 't-1', what: ['settings'] }],
    ]);
  });

  it('opens the options on a reconnect notice, the popup on a failed write', async () => {
    await startWorker();
    const options = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');

    await fakeBrowser.notifications.onClicked.trigger(RECONNECT_NOTIFICATION_ID);
    await settled();
    expect(options).toHaveBeenCalledTimes(1);
    expect(create).not.toHaveBeenCalled();

    await fakeBrowser.notifications.onClicked.trigger(`${FAILURE_NOTIFICATION_PREFIX}:task`);
    await settled();
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(options).toHaveBeenCalledTimes(1);
  });

  it('passes the panel shortcut to the active tab when it shows a transcript, and only then', async () => {
    await startWorker();
    const tell = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(commandListeners).toHaveLength(1);
    const command = (name: string, tab: { id?: number; url?: string }) => {
      commandListeners[0]!(name, tab);
      return settled();
    };

    await command('toggle-panel', { id: 4, url: 'https://app.eu.trint.com/editor/t-9' });
    expect(tell.mock.calls).toEqual([[4, { type: 'panel/command' }]]);
    await command('toggle-panel', { id: 5, url: 'https://app.trint.com/' });
    await command('toggle-panel', { id: 6, url: 'https://example.com/editor/t-9' });
    await command('something-else', { id: 4, url: 'https://app.trint.com/editor/t-9' });
    expect(tell).toHaveBeenCalledTimes(1);
  });
});
