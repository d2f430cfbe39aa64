import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FieldMapping, MappingRule } from '../../utils/mapping/field-mapping';
import type { AuditEntryView, Dashboard } from '../../utils/messaging/protocol';
import type { OutboxJobView } from '../../utils/messaging/write-schemas';
import type { ConnectionStatus } from '../../utils/messaging/connection-status-schema';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import { connectionTitle, openPopup } from './support/firefox-extension-pages';
import { firefoxE2eBuild } from './support/e2e-build';
import { ROOT } from './support/paths';
import { installRelease, PREVIOUS_RELEASE, type InstallFolder } from './support/release-fixture';

declare const browser: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { version: string };
  };
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

// Issue 21, Firefox's side: the 0.1.0 add-on (its committed build) makes a profile, then the
// current build is installed over it under the same add-on id in the same running profile, as an
// update from AMO does. Firefox's test harness can only install temporary add-ons, and GHL's host
// cannot be routed for a Firefox background page, so the connection here is the Sandbox (inside
// the extension) and there is no pending write: without a way to hold GHL back, a write is sent
// before the update can start. The Chromium upgrade test covers the pending write.
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

  it('keeps links, the failed write, the mapping, the Sandbox connection and the audit log', async () => {
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
  }, 120_000);
});
