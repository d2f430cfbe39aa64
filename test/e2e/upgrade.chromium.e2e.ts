import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { FieldMapping, MappingRule } from '../../utils/mapping/field-mapping';
import type { AuditEntryView, Dashboard } from '../../utils/messaging/protocol';
import type { OutboxJobView, OutboxOperation } from '../../utils/messaging/write-schemas';
import type { ConnectionStatus } from '../../utils/messaging/connection-status-schema';
import type { SyncSettings } from '../../utils/storage/sync-settings';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { sandboxControl } from '../support/sandbox-control';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, askBackground, openPopup } from './support/extension-pages';
import { connectWithToken, JANE_ID } from './support/panel-session';
import { openOptions, recordOf, ruleGroup, ruleNames } from './support/mapping-steps';
import { chromeE2eBuild } from './support/e2e-build';
import { ROOT } from './support/paths';
import { installRelease, PREVIOUS_RELEASE, type InstallFolder } from './support/release-fixture';

const SAM_ID = 'sbxContSamLee0000001';
const POST_TASK = 'POST /contacts/:contactId/tasks';
/** A note id GHL does not have: updating it is refused for good (404), so the write fails. */
const MISSING_NOTE = 'sbxNoteMissing000001';
/** For the background to answer what it already knows, or to finish a write it was told of. */
const SOON = { timeout: 15_000, interval: 200 };
/** For a pending write to be sent by a worker that has just started (one backoff, one alarm). */
const CONVERGED = { timeout: 50_000, interval: 500 };
const CURRENT_VERSION = (
  JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }
).version;

/** The rule the person added to the default mapping: the contact's city, on the card. */
const CITY_RULE: MappingRule = {
  id: 'city',
  source: { kind: 'standard', field: 'city' },
  target: { kind: 'custom', label: 'City' },
  showOnCard: true,
};

/**
 * Sync settings as 0.1.0 saves them (it has no `dormantHours`, `dailyBudgetPercent` or `teamBudgetPercent`, and its schema refuses unknown
 * keys), two of them changed from 0.1.0's defaults: the current build must take them over.
 */
const SETTINGS_0_1: Omit<
  SyncSettings,
  'dormantHours' | 'dailyBudgetPercent' | 'teamBudgetPercent'
> = {
  version: 1,
  openTabSeconds: 30,
  recentMinutes: 15,
  otherMinutes: 60,
  contactDetails: true,
  tasks: true,
  notes: 'all',
  appointments: true,
  businessContacts: true,
  backgroundShare: 0.5,
  auditRetentionDays: 90,
  maxUnlinkedContacts: 1000,
};

interface Counters {
  byEndpoint: Record<string, number>;
}
interface ContactRecords {
  contact: { city?: string | null };
  tasks: { title: string }[];
}

/** Everything of the profile the upgrade must keep, as the background answers it. */
interface ProfileState {
  connection: ConnectionStatus;
  links: unknown;
  jobs: OutboxJobView[];
  mapping: FieldMapping;
  audit: AuditEntryView[];
  dashboard: Dashboard;
}

// Issue 21: an update is where real users lose data. A profile made by the previous release (its
// committed build, test/fixtures/releases/) is updated in place to the current build, as the
// Chrome Web Store does: same extension id, same profile, new files, the extension reloaded (its
// new service worker answering), then the browser restarted. Links, the outbox (a pending and a
// failed write), a custom mapping, changed sync settings (taken over from storage.local by the
// current build), the connection and the audit log must all be there afterwards, and work.
describe(`Chromium: upgrade from ${PREVIOUS_RELEASE} to the current build`, () => {
  let installed: InstallFolder;
  let browser: ExtensionChromium;

  const ghl = <T>(path: string, body?: unknown, method?: string) =>
    sandboxControl<T>(browser.ghl, path, body, method);
  /** The extension's service worker: the last one started (an update replaces it). */
  const worker = (): Worker => browser.context.serviceWorkers().at(-1)!;
  const manifestVersion = () =>
    worker().evaluate(
      () => (globalThis as unknown as ChromeGlobal).chrome.runtime.getManifest().version,
    );
  /** The values of `keys` in the extension's storage.local, as the service worker reads them. */
  const localValues = (keys: string[]) =>
    worker().evaluate(
      (k) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(k),
      keys,
    );
  /**
   * Whether the background that answers runs the current build: 'page/reading' is a message only
   * it knows (a Trint tab's), so it refuses it from an extension page, where 0.1.0 answers
   * "Unknown message".
   */
  const runsCurrentBuild = async (page: Page) => {
    const reply = await askBackground(page, 'page/reading', {});
    return !reply.ok && reply.error.kind === 'refused';
  };

  beforeAll(async () => {
    installed = installRelease(PREVIOUS_RELEASE, 'chrome-mv3');
    browser = await launchChromiumWithExtension({ extensionDir: installed.dir });
  });
  afterAll(async () => {
    await browser?.close();
    installed?.remove();
  });

  /**
   * Reloads the extension from its folder, as chrome://extensions' Reload does, and waits until
   * its pages open again. Chromium disables a reloaded unpacked extension unless developer mode is
   * on (as it is for anyone who loaded one), so it is switched on first.
   */
  async function reloadExtension(extensionPage: Page): Promise<void> {
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(() =>
      (globalThis as unknown as DeveloperGlobal).chrome.developerPrivate.updateProfileConfiguration(
        { inDeveloperMode: true },
      ),
    );
    await extensions.close();
    // The page closes with the extension, which may end the evaluation before it returns.
    await extensionPage
      .evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.reload())
      .catch(() => undefined);
    const probe = await browser.context.newPage();
    await expect
      .poll(
        () =>
          probe
            .goto(browser.extensionUrl('popup.html'))
            .then(() => true)
            .catch(() => false),
        SOON,
      )
      .toBe(true);
    await probe.close();
  }

  async function profileState(page: Page): Promise<ProfileState> {
    return {
      connection: await ask<ConnectionStatus>(page, 'connection/status'),
      links: await ask(page, 'links/find', { transcriptIds: ['tr-alpha', 'tr-bravo'] }),
      jobs: await ask<OutboxJobView[]>(page, 'outbox/list'),
      mapping: (await ask<{ mapping: FieldMapping }>(page, 'mapping/get')).mapping,
      audit: await ask<AuditEntryView[]>(page, 'audit/list'),
      dashboard: await ask<Dashboard>(page, 'dashboard/list'),
    };
  }

  it('keeps links, the outbox, the mapping, the connection and the audit log, and sends the pending write once', async () => {
    expect(installed.version()).toBe(PREVIOUS_RELEASE);
    expect(await manifestVersion()).toBe(PREVIOUS_RELEASE);
    const idBefore = browser.extensionId;

    // The profile, made by the previous release as a person would have made it.
    let popup = await connectWithToken(browser);
    await ask(popup, 'link/set', { transcriptId: 'tr-alpha', contactId: JANE_ID });
    await ask(popup, 'link/set', { transcriptId: 'tr-bravo', contactId: SAM_ID });
    const mapping = (await ask<{ mapping: FieldMapping }>(popup, 'mapping/get')).mapping;
    await ask(popup, 'mapping/save', {
      mapping: { ...mapping, rules: [...mapping.rules, CITY_RULE] },
    });
    const janeCity = (await ghl<ContactRecords>(`contacts/${JANE_ID}`)).contact.city;
    expect(janeCity, 'the Sandbox gives Jane a city').toBeTruthy();
    await expect
      .poll(async () => (await recordOf(popup, 'tr-alpha')).fields?.City, SOON)
      .toBe(janeCity);
    // Changed sync settings; 0.1.0 keeps them, and the mapping, in storage.local.
    await ask(popup, 'settings/save', { settings: SETTINGS_0_1 });
    expect(await localValues(['syncSettings', 'fieldMapping'])).toEqual({
      syncSettings: SETTINGS_0_1,
      fieldMapping: { ...mapping, rules: [...mapping.rules, CITY_RULE] },
    });
    expect(await runsCurrentBuild(popup), '0.1.0 does not know page/reading').toBe(false);

    // A write GHL refuses for good: it stays listed as failed, with the reason.
    const failing: OutboxOperation = {
      kind: 'note.update',
      contactId: JANE_ID,
      noteId: MISSING_NOTE,
      body: { body: 'An edit of a note GHL does not have' },
    };
    const failed = await ask<OutboxJobView>(popup, 'outbox/enqueue', { operation: failing });
    await expect
      .poll(
        async () => (await ask<OutboxJobView[]>(popup, 'outbox/list')).map((j) => j.status),
        SOON,
      )
      .toEqual(['failed']);

    // A write still waiting: GHL cannot be reached (the network is down) when it is made, and the
    // browser closes before it could be sent.
    const title = `Sent once after the upgrade ${Date.now().toString(36)}`;
    await browser.context.route('https://services.leadconnectorhq.com/**', (route) =>
      route.abort('internetdisconnected'),
    );
    const pending = await ask<OutboxJobView>(popup, 'outbox/enqueue', {
      operation: {
        kind: 'task.create',
        contactId: SAM_ID,
        body: { title, dueDate: '2026-12-01T10:00:00.000Z', completed: false },
      },
    });
    await expect
      .poll(async () => {
        const job = (await ask<OutboxJobView[]>(popup, 'outbox/list')).find(
          (j) => j.id === pending.id,
        );
        return job && job.attempts > 0 && job.status !== 'sending';
      }, SOON)
      .toBe(true);

    const before = await profileState(popup);
    expect(before.connection).toMatchObject({
      state: 'connected',
      kind: 'pit',
      locationId: SANDBOX_LOCATION.id,
    });
    expect(before.jobs.map((j) => [j.id, j.status])).toEqual([
      [failed.id, 'failed'],
      [pending.id, 'queued'],
    ]);
    expect(before.audit.length, 'the audit log has the requests made so far').toBeGreaterThan(0);
    expect(before.dashboard.totals).toMatchObject({ linkedTranscripts: 2, failedJobs: 1 });
    await ghl('counters/reset', {});

    // The update, as Chrome applies one: the extension's files are replaced by the current build
    // in the same folder (same id) and the extension is reloaded, which ends 0.1.0's service
    // worker and registers the new one (a browser restart alone would not: Chromium keeps running
    // the registered worker of an unpacked extension whose files changed). GHL is still out of
    // reach, then the browser closes and starts again on the same profile, the network back.
    installed.replaceWith(chromeE2eBuild());
    expect(installed.version()).toBe(CURRENT_VERSION);
    await reloadExtension(popup);
    popup = await openPopup(browser);
    expect(await runsCurrentBuild(popup), 'the current build answers after the update').toBe(true);
    expect(await manifestVersion()).toBe(CURRENT_VERSION);
    await browser.restart();
    expect(new URL(worker().url()).host, 'the same extension id').toBe(idBefore);
    expect(await manifestVersion()).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).not.toBe(PREVIOUS_RELEASE);

    popup = await openPopup(browser);
    expect(await runsCurrentBuild(popup), 'and after the restart').toBe(true);
    // A message only the current build knows is answered.
    expect(await ask(popup, 'names/get')).toBeTruthy();
    // The pending write is sent, once; the failed one waits for the person.
    await expect
      .poll(
        async () =>
          (await ghl<ContactRecords>(`contacts/${SAM_ID}`)).tasks.filter((t) => t.title === title)
            .length,
        CONVERGED,
      )
      .toBe(1);
    await expect
      .poll(
        async () => (await ask<OutboxJobView[]>(popup, 'outbox/list')).map((j) => [j.id, j.status]),
        SOON,
      )
      .toEqual([[failed.id, 'failed']]);
    expect((await ghl<Counters>('counters')).byEndpoint[POST_TASK]).toBe(1);

    const after = await profileState(popup);
    expect(after.connection).toEqual(before.connection);
    expect(after.links).toEqual(before.links);
    expect(after.mapping).toEqual(before.mapping);
    expect(after.mapping.rules.at(-1)).toEqual(CITY_RULE);
    const failedAfter = after.jobs.find((j) => j.id === failed.id);
    expect(failedAfter).toEqual(before.jobs.find((j) => j.id === failed.id));
    // The audit log kept every line of the previous release, and logged the write sent since.
    expect(after.audit.length).toBeGreaterThan(before.audit.length);
    for (const entry of before.audit) expect(after.audit).toContainEqual(entry);
    expect(after.audit.some((e) => e.operation === 'create-task' && e.result.startsWith('2'))).toBe(
      true,
    );
    expect(after.dashboard.rows.map((r) => [r.transcriptId, r.contactId]).sort()).toEqual([
      ['tr-alpha', JANE_ID],
      ['tr-bravo', SAM_ID],
    ]);
    expect(after.dashboard.totals).toMatchObject({ linkedTranscripts: 2, failedJobs: 1 });

    // And it works: the connection answers GHL, the custom mapping still fills the record, the
    // failed write can be discarded.
    expect(await ask<ConnectionStatus>(popup, 'connection/check')).toMatchObject({
      state: 'connected',
    });
    expect((await recordOf(popup, 'tr-alpha')).fields?.City).toBe(janeCity);
    await ask(popup, 'outbox/discard', { id: failed.id });
    // The settings 0.1.0 kept in storage.local were taken over (into the extension's IndexedDB,
    // which survived the restart) and left storage.local: the new options page shows them.
    expect(await localValues(['syncSettings', 'fieldMapping'])).toEqual({});
    const settings = await openOptions(browser);
    const field = (label: string) => settings.getByLabel(label, { exact: true }).inputValue();
    expect(await field('Transcripts viewed in the last 24 h (min)')).toBe('15');
    expect(await field('Keep the audit log for (days)')).toBe('90');
    expect(await field('Transcripts not viewed for 30 days (h)'), 'the new setting').toBe('24');
    const editor = settings.getByRole('region', { name: 'Field mapping' });
    await ruleGroup(editor, 1).waitFor();
    expect((await ruleNames(editor)).at(-1)).toBe(`Rule ${after.mapping.rules.length}: City`);
    // The new build's settings page links to the privacy policy it carries.
    const policy = settings.getByRole('link', { name: 'Privacy policy', exact: true });
    expect(await policy.getAttribute('href')).toBe('privacy.txt');
    await settings.goto(new URL('privacy.txt', settings.url()).href);
    expect(await settings.locator('body').textContent()).toContain(
      '# Privacy policy of GHL for Trint',
    );
    expect(await ask<OutboxJobView[]>(popup, 'outbox/list')).toEqual([]);
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  }, 150_000);
});

/** The part of `chrome` the test calls on chrome://extensions. */
interface DeveloperGlobal {
  chrome: {
    developerPrivate: { updateProfileConfiguration(update: object): Promise<void> };
  };
}

/** The part of `chrome` the test calls in the service worker and extension pages. */
interface ChromeGlobal {
  chrome: {
    runtime: { getManifest(): { version: string }; reload(): void };
    storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  };
}
