import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { FieldMapping, MappingRule } from '../../utils/mapping/field-mapping';
import type { AuditEntryView, Dashboard } from '../../utils/messaging/protocol';
import type { OutboxJobView, OutboxOperation } from '../../utils/messaging/write-schemas';
import type { ConnectionStatus } from '../../utils/messaging/connection-status-schema';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { sandboxControl } from '../support/sandbox-control';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, openPopup } from './support/extension-pages';
import { connectWithToken, JANE_ID } from './support/panel-session';
import { recordOf } from './support/mapping-steps';
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
// Chrome Web Store does: same extension id, same profile, new files, browser restarted. Links,
// the outbox (a pending and a failed write), a custom mapping, the connection and the audit log
// must all be there afterwards, and work.
describe(`Chromium: upgrade from ${PREVIOUS_RELEASE} to the current build`, () => {
  let installed: InstallFolder;
  let browser: ExtensionChromium;

  const ghl = <T>(path: string, body?: unknown, method?: string) =>
    sandboxControl<T>(browser.ghl, path, body, method);
  const worker = (): Worker => browser.context.serviceWorkers()[0]!;
  const manifestVersion = () =>
    worker().evaluate(
      () => (globalThis as unknown as ChromeGlobal).chrome.runtime.getManifest().version,
    );

  beforeAll(async () => {
    installed = installRelease(PREVIOUS_RELEASE, 'chrome-mv3');
    browser = await launchChromiumWithExtension({ extensionDir: installed.dir });
  });
  afterAll(async () => {
    await browser?.close();
    installed?.remove();
  });

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

    // The update: the browser closes, the extension's files are replaced by the current build in
    // the same folder (same id), the browser starts again on the same profile.
    installed.replaceWith(chromeE2eBuild());
    expect(installed.version()).toBe(CURRENT_VERSION);
    await browser.restart();
    expect(new URL(worker().url()).host, 'the same extension id').toBe(idBefore);
    expect(await manifestVersion()).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).not.toBe(PREVIOUS_RELEASE);

    popup = await openPopup(browser);
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
    // The new build's settings page links to the privacy policy it carries.
    const settings = await browser.context.newPage();
    await settings.goto(browser.extensionUrl('options.html'));
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

/** The part of `chrome` the test calls in the service worker. */
interface ChromeGlobal {
  chrome: { runtime: { getManifest(): { version: string } } };
}
