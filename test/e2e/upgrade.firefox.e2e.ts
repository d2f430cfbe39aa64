import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FieldMapping, MappingRule } from '../../utils/mapping/field-mapping';
import type { AuditEntryView, Dashboard } from '../../utils/messaging/protocol';
import type { OutboxJobView } from '../../utils/messaging/write-schemas';
import type { ConnectionStatus } from '../../utils/messaging/connection-status-schema';
import type { SyncSettings } from '../../utils/storage/sync-settings';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import { connectionTitle, openExtensionPage, openPopup } from './support/firefox-extension-pages';
import { firefoxE2eBuild } from './support/e2e-build';
import { ROOT } from './support/paths';
import { installRelease, PREVIOUS_RELEASE, type InstallFolder } from './support/release-fixture';

declare const browser: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { version: string };
  };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
};

const JANE_ID = 'sbxContJaneDoe000002';
const OMAR_ID = 'sbxContOmarHaddad003';
const MISSING_NOTE = 'sbxNoteMissing000001';
const SOON = { timeout: 15_000, interval: 200 };
const CURRENT_VERSION = (
  JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }
).version;
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

/** A protocol message from an extension page; the answer's value, or a thrown error. */
async function ask<T>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const reply = (await page.evaluate(
    (t, p) => browser.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload,
  )) as { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
  if (!reply.ok) throw new Error(`${type}: ${reply.error.kind}: ${reply.error.message}`);
  return reply.value;
}

/**
 * Whether the background that answers runs the current build: 'page/reading' is a message only
 * it knows (a Trint tab's), so it refuses it from an extension page, where 0.1.0 answers
 * "Unknown message".
 */
async function runsCurrentBuild(page: Page): Promise<boolean> {
  const reply = (await page.evaluate(() =>
    browser.runtime.sendMessage({ type: 'page/reading', payload: {} }),
  )) as { ok: boolean; error?: { kind: string } };
  return !reply.ok && reply.error?.kind === 'refused';
}

/** The values of `keys` in the extension's storage.local, as an extension page reads them. */
const localValues = (page: Page, keys: string[]) =>
  page.evaluate((k) => browser.storage.local.get(k), keys);

/** The value of the options page's number field labelled `label`, as a person reads it. */
const fieldValue = (options: Page, label: string) =>
  options.evaluate((text) => {
    const labelled = [...document.querySelectorAll('label')].find(
      (l) => l.textContent?.trim() === text,
    );
    return labelled?.control instanceof HTMLInputElement ? labelled.control.value : undefined;
  }, label);

/** The names of the options page's mapping rules, in order ("Rule 1: Speaker name", …). */
const ruleNames = (options: Page) =>
  options.$$eval('fieldset.mapping-rule__group > legend', (legends) =>
    legends.map((legend) => legend.textContent?.trim()),
  );

// Issue 21, Firefox's side: the 0.1.0 add-on (its committed build) makes a profile, then the
// current build is installed over it under the same add-on id in the same running profile, as an
// update from AMO does. Re-installing the temporary add-on ends 0.1.0's background page and starts
// the new build's: the test checks that messages only the new build knows are answered, and that
// it took over the sync settings and mapping 0.1.0 kept in storage.local. Firefox's test harness
// can only install temporary add-ons, and GHL's host cannot be routed for a Firefox background
// page, so the connection here is the Sandbox (inside the extension) and there is no pending
// write: without a way to hold GHL back, a write is sent before the update can start. The
// Chromium upgrade test covers the pending write.
describe(`Firefox: upgrade from ${PREVIOUS_RELEASE} to the current build`, () => {
  let installed: InstallFolder;
  let firefox: ExtensionFirefox;

  beforeAll(async () => {
    installed = installRelease(PREVIOUS_RELEASE, 'firefox-mv3');
    firefox = await launchFirefoxWithExtension({ extensionDir: installed.dir });
  });
  afterAll(async () => {
    expect(firefox?.unrouted, 'requests to hosts the test did not route').toEqual([]);
    await firefox?.close();
    installed?.remove();
  });

  async function profileState(page: Page) {
    return {
      connection: await ask<ConnectionStatus>(page, 'connection/status'),
      links: await ask(page, 'links/find', { transcriptIds: ['tr-alpha', 'tr-bravo'] }),
      jobs: await ask<OutboxJobView[]>(page, 'outbox/list'),
      mapping: (await ask<{ mapping: FieldMapping }>(page, 'mapping/get')).mapping,
      audit: await ask<AuditEntryView[]>(page, 'audit/list'),
      dashboard: await ask<Dashboard>(page, 'dashboard/list'),
    };
  }
  const city = async (page: Page) =>
    (
      await ask<{ fields?: Record<string, string> }>(page, 'transcript/get', {
        transcriptId: 'tr-alpha',
      })
    ).fields?.City;

  it('keeps links, the failed write, the mapping, the settings, the Sandbox connection and the audit log', async () => {
    let popup = await openPopup(firefox);
    expect(await popup.evaluate(() => browser.runtime.getManifest().version)).toBe(
      PREVIOUS_RELEASE,
    );
    await popup.locator('::-p-aria(Use the Sandbox (demo data, no account))').click();
    await expect.poll(() => connectionTitle(popup), SOON).toMatch(/^Sandbox mode/);
    await ask(popup, 'link/set', { transcriptId: 'tr-alpha', contactId: JANE_ID });
    await ask(popup, 'link/set', { transcriptId: 'tr-bravo', contactId: OMAR_ID });
    const mapping = (await ask<{ mapping: FieldMapping }>(popup, 'mapping/get')).mapping;
    await ask(popup, 'mapping/save', {
      mapping: { ...mapping, rules: [...mapping.rules, CITY_RULE] },
    });
    const janeCity = await city(popup);
    expect(janeCity, 'the Sandbox gives Jane a city').toBeTruthy();
    // Changed sync settings; 0.1.0 keeps them, and the mapping, in storage.local.
    await ask(popup, 'settings/save', { settings: SETTINGS_0_1 });
    expect(await localValues(popup, ['syncSettings', 'fieldMapping'])).toEqual({
      syncSettings: SETTINGS_0_1,
      fieldMapping: { ...mapping, rules: [...mapping.rules, CITY_RULE] },
    });
    expect(await runsCurrentBuild(popup), '0.1.0 does not know page/reading').toBe(false);
    await expect(ask(popup, 'names/get'), '0.1.0 does not know names/get').rejects.toThrow(
      /Unknown message/,
    );
    const failed = await ask<OutboxJobView>(popup, 'outbox/enqueue', {
      operation: {
        kind: 'note.update',
        contactId: JANE_ID,
        noteId: MISSING_NOTE,
        body: { body: 'An edit of a note GHL does not have' },
      },
    });
    await expect
      .poll(
        async () => (await ask<OutboxJobView[]>(popup, 'outbox/list')).map((j) => j.status),
        SOON,
      )
      .toEqual(['failed']);
    const before = await profileState(popup);
    expect(before.connection).toMatchObject({ state: 'connected', kind: 'sandbox' });
    expect(before.dashboard.totals).toMatchObject({ linkedTranscripts: 2, failedJobs: 1 });
    expect(before.audit.length, 'the Sandbox requests so far are in the audit log').toBeGreaterThan(
      0,
    );

    // The update: the current build installed over it, same add-on id, same profile.
    installed.replaceWith(firefoxE2eBuild());
    expect(await firefox.browser.installExtension(installed.dir)).toBe(
      'ghl-for-trint@ghl-for-trint.app',
    );
    await popup.close().catch(() => {}); // the old version's page may already be gone
    popup = await openPopup(firefox);
    expect(await popup.evaluate(() => browser.runtime.getManifest().version)).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).not.toBe(PREVIOUS_RELEASE);
    // Re-installing the temporary add-on ends 0.1.0's background page and starts the new one.
    expect(await runsCurrentBuild(popup), 'the current build answers after the update').toBe(true);
    // A message only the current build knows is answered.
    expect(await ask(popup, 'names/get')).toBeTruthy();

    const after = await profileState(popup);
    expect(after.connection).toEqual(before.connection);
    expect(after.links).toEqual(before.links);
    expect(after.mapping).toEqual(before.mapping);
    expect(after.jobs).toEqual(before.jobs);
    expect(after.jobs.map((j) => [j.id, j.status])).toEqual([[failed.id, 'failed']]);
    for (const entry of before.audit) expect(after.audit).toContainEqual(entry);
    expect(after.dashboard.rows.map((r) => [r.transcriptId, r.contactId]).sort()).toEqual([
      ['tr-alpha', JANE_ID],
      ['tr-bravo', OMAR_ID],
    ]);

    // And it works: a new write reaches the Sandbox, the mapping still fills the record.
    await ask(popup, 'outbox/enqueue', {
      operation: {
        kind: 'task.create',
        contactId: OMAR_ID,
        body: {
          title: 'Written after the upgrade',
          dueDate: '2026-12-01T10:00:00.000Z',
          completed: false,
        },
      },
    });
    await expect
      .poll(async () => (await ask<OutboxJobView[]>(popup, 'outbox/list')).map((j) => j.id), SOON)
      .toEqual([failed.id]);
    expect(await city(popup)).toBe(janeCity);

    // The settings 0.1.0 kept in storage.local were taken over (into the extension's IndexedDB)
    // and left storage.local: the new options page shows them.
    expect(await localValues(popup, ['syncSettings', 'fieldMapping'])).toEqual({});
    const options = await openExtensionPage(firefox, 'options.html');
    await options.waitForSelector('fieldset.mapping-rule__group > legend');
    await expect
      .poll(() => fieldValue(options, 'Transcripts viewed in the last 24 h (min)'), SOON)
      .toBe('15');
    expect(await fieldValue(options, 'Keep the audit log for (days)')).toBe('90');
    expect(
      await fieldValue(options, 'Transcripts not viewed for 30 days (h)'),
      'the new setting',
    ).toBe('24');
    expect((await ruleNames(options)).at(-1)).toBe(`Rule ${after.mapping.rules.length}: City`);
    await options.close();
  }, 120_000);
});
