import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultMapping } from '../../utils/mapping/default-mapping';
import { sandboxControl } from '../support/sandbox-control';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, openPopup } from './support/extension-pages';
import {
  cardFacts,
  cardLabels,
  contactCard,
  diffRows,
  liveMapping,
  mappingShot,
  openOptions,
  recordOf,
  resetMappingAndSettings,
  ruleGroup,
  ruleNames,
  untilGhlQuiet,
} from './support/mapping-steps';
import {
  createGhlContact,
  ghlContact,
  recordGhlRequests,
  resetPanelState,
} from './support/panel-contact-steps';
import {
  connectWithToken,
  editorUrl,
  JANE_ID,
  openTranscript,
  panelOf,
} from './support/panel-session';
import { RESULTS } from './support/paths';

const JANE = { transcriptId: 'tr-alpha', contactId: JANE_ID, name: 'Jane Doe' };
const JANE_EMAIL = 'jane.doe@acme.example';
const DEAL_STAGE_ID = 'sbxCfDealStage000001';
/** For a page to show what the background already knows or was just told. */
const SOON = { timeout: 10_000, interval: 100 };
/** For a sync run started from the popup to read GHL and finish. */
const SYNCED = { timeout: 20_000, interval: 200 };

// Issue 7 end to end, against the Sandbox GHL: what to sync, the dashboard, the field mapping
// editor with its preview and apply, its JSON import, and the popup's card toggles. Each test does
// what a person does in the options page, popup and panel, and checks what they see, what GHL
// received and what the transcript records hold.
describe('Chromium: field mapping, what to sync and the dashboard', () => {
  let browser: ExtensionChromium;
  /** The connected popup, kept open to ask the background. */
  let popup: Page;
  let ghl: ReturnType<typeof recordGhlRequests>;
  /** Pages a test opened; closed after it. */
  let pages: Page[];

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    mkdirSync(RESULTS, { recursive: true });
    ghl = recordGhlRequests(browser.ghl);
    popup = await connectWithToken(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    pages = [];
    await resetPanelState(popup);
    await resetMappingAndSettings(popup);
    ghl.clear();
  });
  afterEach(async () => {
    for (const page of pages) await page.close();
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  const track = (page: Page) => (pages.push(page), page);
  const options = async () => track(await openOptions(browser));
  /** Links the transcript (as the popup may), opens it and waits for the card and GHL to settle. */
  async function openLinked(link: { transcriptId: string; contactId: string; name: string }) {
    await ask(popup, 'link/set', { transcriptId: link.transcriptId, contactId: link.contactId });
    const page = track(await openTranscript(browser, link.transcriptId));
    await contactCard(page, link.name)
      .getByRole('heading', { name: link.name, level: 2 })
      .waitFor();
    await untilGhlQuiet(ghl.requests);
    return page;
  }
  const notesGets = (contactId: string) => ghl.received('GET', `/contacts/${contactId}/notes`);

  it('switching notes off stops the notes requests and hides them; switching back brings both back', async () => {
    const page = await openLinked(JANE);
    const notes = panelOf(page).getByRole('region', { name: 'Notes', exact: true });
    await notes.waitFor();
    const settings = await options();
    const syncCard = settings.getByRole('region', { name: 'Sync', exact: true });
    const whatToSync = syncCard.getByRole('group', { name: 'What to sync' });
    const sync = track(await openPopup(browser));
    const syncNow = sync.getByRole('button', { name: 'Sync now' });
    const lastSync = () =>
      sync
        .getByRole('region', { name: 'Sync', exact: true })
        .getByText(/^Last sync:/)
        .textContent();

    /** Sync now in the popup; waits for the run's GETs and for the button to be back. */
    async function syncFromPopup() {
      ghl.clear();
      await syncNow.click();
      await expect
        .poll(() => ghl.received('GET', `/contacts/${JANE_ID}/tasks`).length, SYNCED)
        .toBeGreaterThan(0);
      await expect.poll(() => syncNow.isEnabled(), SYNCED).toBe(true);
      await untilGhlQuiet(ghl.requests, 1_000);
    }

    await whatToSync.getByRole('radio', { name: 'No notes' }).check();
    await syncCard.getByRole('button', { name: 'Save', exact: true }).click();
    await syncCard.getByText('Saved. The next sync uses these settings.').waitFor();
    // The panel follows at once: no Notes section.
    await expect.poll(() => notes.count(), SOON).toBe(0);
    await expect
      .poll(() => settings.getByRole('region', { name: 'Dashboard' }).textContent(), SOON)
      .toContain('Notes are not synced, so none are shown.');

    await syncFromPopup();
    expect(ghl.received('GET', `/contacts/${JANE_ID}`).length).toBeGreaterThan(0);
    expect(ghl.received('GET', `/contacts/${JANE_ID}/appointments`).length).toBeGreaterThan(0);
    expect(notesGets(JANE_ID), 'GET /contacts/:id/notes with notes off').toEqual([]);
    const withoutNotes = ghl.requests.length;
    // The run history says the same: one request fewer per linked contact.
    await expect.poll(lastSync, SOON).toContain(`· ${withoutNotes} requests ·`);
    expect(await notes.count()).toBe(0);
    expect((await recordOf(popup, 'tr-alpha')).notes).toEqual([]);
    await mappingShot(page, 'notes-off-panel');

    await whatToSync.getByRole('radio', { name: 'All notes' }).check();
    await syncCard.getByRole('button', { name: 'Save', exact: true }).click();
    await syncCard.getByText('Saved. The next sync uses these settings.').waitFor();
    await syncFromPopup();
    expect(notesGets(JANE_ID)).toHaveLength(1);
    expect(ghl.requests.length).toBe(withoutNotes + 1);
    await expect.poll(lastSync, SOON).toContain(`· ${withoutNotes + 1} requests ·`);
    await notes.waitFor({ timeout: SOON.timeout });
    await expect.poll(() => notes.textContent(), SOON).toContain('Asked about the API and SSO.');
    expect((await recordOf(popup, 'tr-alpha')).notes.length).toBe(2);
  });

  it('the dashboard lists the linked transcripts with the right counts, sorts, searches and links to Trint', async () => {
    const olive = await createGhlContact(browser.ghl, {
      firstName: 'Olive',
      lastName: 'Dashboard',
      email: 'olive.dashboard@example.com',
    });
    // One task, due next week (open, not overdue), and one note.
    await sandboxControl(browser.ghl, `contacts/${olive.id}/tasks`, {
      title: 'Send the renewal scope',
      dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await sandboxControl(browser.ghl, `contacts/${olive.id}/notes`, {
      body: 'Wants the export in Markdown.',
    });
    // Jane twice (her overdue task counts once), Olive once.
    for (const link of [
      JANE,
      { transcriptId: 'tr-bravo', contactId: olive.id, name: 'Olive Dashboard' },
      { transcriptId: 'tr-charlie', contactId: JANE_ID, name: 'Jane Doe' },
    ]) {
      await (await openLinked(link)).close();
    }
    pages = [];
    ghl.clear();

    const page = await options();
    const dashboard = page.getByRole('region', { name: 'Dashboard' });
    const totals = async () => {
      const terms = await dashboard.locator('dl.dashboard__totals dt').allTextContents();
      const values = await dashboard.locator('dl.dashboard__totals dd').allTextContents();
      return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
    };
    await expect.poll(totals, SOON).toEqual({
      'Linked transcripts': '3',
      Contacts: '2',
      'Overdue tasks': '1',
      'Failed jobs': '0',
    });
    const table = dashboard.getByRole('table');
    /** Each row: transcript, contact, open, overdue, latest note (without its date), failed. */
    const rowValues = () =>
      table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => {
          const cells = [...row.querySelectorAll('th, td')];
          const note =
            cells[4]?.querySelector('.dashboard__note')?.textContent ?? cells[4]?.textContent;
          return [0, 1, 2, 3, 4, 6].map((at) => (at === 4 ? note : cells[at]?.textContent));
        }),
      );
    const jane = (title: string) => [
      title,
      'Jane Doe',
      '2',
      '1',
      'Asked about the API and SSO.',
      '0',
    ];
    const oliveRow = [
      'Quarterly review — Globex',
      'Olive Dashboard',
      '1',
      '0',
      'Wants the export in Markdown.',
      '0',
    ];
    // Transcripts A to Z at first.
    await expect
      .poll(rowValues, SOON)
      .toEqual([
        jane('Discovery call with Acme Corp'),
        jane('Podcast interview: Hank Scorpio'),
        oliveRow,
      ]);
    expect(await dashboard.getByRole('status').textContent()).toBe('3 of 3 transcripts');
    await mappingShot(page.getByRole('region', { name: 'Dashboard' }), 'dashboard');

    // Sorted by contact: Olive after Jane; again: the other way.
    const contactHeader = table.getByRole('columnheader', { name: 'Contact' });
    await contactHeader.getByRole('button', { name: 'Contact' }).click();
    expect(await contactHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await rowValues()).map((row) => row[1])).toEqual([
      'Jane Doe',
      'Jane Doe',
      'Olive Dashboard',
    ]);
    await contactHeader.getByRole('button', { name: 'Contact' }).click();
    expect(await contactHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await rowValues()).map((row) => row[1])).toEqual([
      'Olive Dashboard',
      'Jane Doe',
      'Jane Doe',
    ]);
    // Sorted by overdue tasks, most first.
    const overdueHeader = table.getByRole('columnheader', { name: 'Overdue' });
    await overdueHeader.getByRole('button').click();
    await overdueHeader.getByRole('button').click();
    expect(await overdueHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await rowValues()).map((row) => row[3])).toEqual(['1', '1', '0']);

    // Search by contact name and by title.
    const search = dashboard.getByRole('searchbox', { name: 'Search transcripts' });
    await search.fill('olive');
    await expect.poll(rowValues, SOON).toEqual([oliveRow]);
    expect(await dashboard.getByRole('status').textContent()).toBe('1 of 3 transcripts');
    await search.fill('PODCAST');
    await expect
      .poll(async () => (await rowValues()).map((row) => row[0]), SOON)
      .toEqual(['Podcast interview: Hank Scorpio']);
    await search.fill('Nobody at all');
    await dashboard.getByText('No transcript or contact matches “Nobody at all”.').waitFor();
    await search.fill('');

    // Reading, sorting and searching the dashboard asked GHL nothing.
    expect(ghl.requests).toEqual([]);

    // Each title opens its transcript in Trint, in a new tab.
    const link = table.getByRole('link', { name: 'Discovery call with Acme Corp' });
    expect(await link.getAttribute('href')).toBe(editorUrl('tr-alpha'));
    expect(await link.getAttribute('target')).toBe('_blank');
    const [trint] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    track(trint);
    await trint.waitForURL(editorUrl('tr-alpha'));
    await panelOf(trint).getByRole('heading', { name: 'Jane Doe', level: 2 }).waitFor();
  });

  it('edits the mapping: preview shows the diff and writes nothing, apply updates the records and the open card', async () => {
    const page = await openLinked(JANE);
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    const card = contactCard(page, 'Jane Doe');
    expect(await cardFacts(card)).toMatchObject({ Email: JANE_EMAIL, Phone: '+15551007919' });
    expect(await cardLabels(card)).not.toContain('Summary header');
    const dealStage = ghlContact(browser.ghl, JANE_ID)!.customFields!.find(
      (field) => field.id === DEAL_STAGE_ID,
    )!.value as string;
    const before = await recordOf(popup, 'tr-alpha');
    expect(before.fields).toMatchObject({ Email: JANE_EMAIL });

    const settings = await options();
    const editor = settings.getByRole('region', { name: 'Field mapping' });
    await ruleGroup(editor, 1).waitFor();
    expect(await ruleNames(editor)).toEqual([
      'Rule 1: Speaker name',
      'Rule 2: Organisation',
      'Rule 3: Email',
      'Rule 4: Phone',
      'Rule 5: Tags',
      'Rule 6: Summary header',
      'Rule 7: Owner',
      'Rule 8: Updated',
    ]);
    // Summary header on the card.
    await ruleGroup(editor, 6).getByRole('checkbox', { name: 'Show on card' }).check();
    // Email into a custom label.
    const email = ruleGroup(editor, 3);
    await email.getByRole('combobox', { name: 'Trint transcript field' }).selectOption({
      label: 'Custom label…',
    });
    await email.getByRole('textbox', { name: 'Custom label' }).fill('Work email');
    // A new rule: the custom field Deal stage into a label of its own.
    await editor.getByRole('button', { name: 'Add a rule' }).click();
    const added = ruleGroup(editor, 9);
    await added
      .getByRole('combobox', { name: 'GHL field' })
      .selectOption(`custom:${DEAL_STAGE_ID}`);
    await added.getByRole('textbox', { name: 'Custom field name' }).fill('Deal stage');
    await added.getByRole('textbox', { name: 'Custom label' }).fill('Deal stage');
    expect(await ruleNames(editor)).toEqual([
      'Rule 1: Speaker name',
      'Rule 2: Organisation',
      'Rule 3: Work email',
      'Rule 4: Phone',
      'Rule 5: Tags',
      'Rule 6: Summary header',
      'Rule 7: Owner',
      'Rule 8: Updated',
      'Rule 9: Deal stage',
    ]);
    await editor.getByText('The draft has changes that are not live yet.').waitFor();
    expect(await editor.locator('.field__error').count(), 'problems shown in the draft').toBe(0);
    await mappingShot(editor, 'editor');

    // Preview from the cache: the diff, and no GHL request, no record changed.
    ghl.clear();
    await editor.getByRole('button', { name: 'Preview', exact: true }).click();
    const diff = editor.getByRole('table', {
      name: 'Changes to the record of ‘Discovery call with Acme Corp’',
    });
    await diff.waitFor({ timeout: SOON.timeout });
    expect(await diffRows(diff)).toEqual({
      'Email (removed)': [JANE_EMAIL, 'none'],
      'Work email (added)': ['none', JANE_EMAIL],
      'Deal stage (added)': ['none', dealStage],
    });
    expect(await editor.getByRole('status').filter({ hasText: 'would change' }).textContent()).toBe(
      '1 transcript would change. 0 unchanged, 0 without a cached contact, 0 GHL reads, nothing was written.',
    );
    expect(
      await editor
        .getByRole('link', { name: 'Discovery call with Acme Corp' })
        .getAttribute('href'),
    ).toBe(editorUrl('tr-alpha'));
    expect(ghl.requests, 'GHL requests during the preview').toEqual([]);
    expect(await recordOf(popup, 'tr-alpha')).toEqual(before);
    expect(await liveMapping(popup)).toEqual(defaultMapping());
    expect(await cardFacts(card)).toMatchObject({ Email: JANE_EMAIL });
    await mappingShot(editor.locator('.mapping-preview'), 'preview');

    // Apply: the records are recomputed from the cache, and the open card follows.
    await editor.getByRole('button', { name: 'Apply', exact: true }).click();
    await editor.getByText('The draft is live. 1 transcript record was updated.').waitFor();
    await editor.getByText('The draft is the live mapping.').waitFor();
    const after = await recordOf(popup, 'tr-alpha');
    expect(after.fields).toMatchObject({
      'Work email': JANE_EMAIL,
      'Deal stage': dealStage,
      'Summary header': 'Jane Doe — Acme Corp',
    });
    expect(after.fields).not.toHaveProperty('Email');
    const live = await liveMapping(popup);
    expect(live.rules.map((rule) => rule.id)).toHaveLength(9);
    expect(live.rules[2]?.target).toEqual({ kind: 'custom', label: 'Work email' });
    await expect.poll(() => cardLabels(card), SOON).toContain('Work email');
    expect(await cardFacts(card)).toMatchObject({
      'Work email': JANE_EMAIL,
      'Summary header': 'Jane Doe — Acme Corp',
      'Deal stage': dealStage,
      Phone: '+15551007919',
    });
    expect(await cardLabels(card)).not.toContain('Email');
    expect(loads, 'the Trint tab was not reloaded').toEqual([]);
    expect(ghl.requests, 'GHL requests for the preview and the apply').toEqual([]);
    await mappingShot(page, 'panel-after-apply');
  });

  it('refuses an invalid JSON import with a clear message, keeping the draft and the live mapping; a valid export imports back', async () => {
    const page = await options();
    const editor = page.getByRole('region', { name: 'Field mapping' });
    await editor.getByRole('button', { name: 'Remove ‘Owner’' }).click();
    await editor.getByText('The draft has changes that are not live yet.').waitFor();
    const draft = await ruleNames(editor);
    expect(draft).toHaveLength(7);
    const picker = editor.getByLabel('Import JSON file');
    const alert = editor.getByRole('alert');

    await picker.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 2, "rules": [ {"id": "email", '),
    });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^‘broken\.json’ was not imported: Not JSON: .+ The draft and the live mapping are unchanged\.$/,
    );
    expect(await ruleNames(editor)).toEqual(draft);
    expect(await liveMapping(popup)).toEqual(defaultMapping());
    await mappingShot(editor.locator('.mapping-editor__actions').locator('..'), 'import-refused');

    // JSON, but not a mapping: the message says where.
    await picker.setInputFiles({
      name: 'wrong-shape.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          version: 2,
          rules: [{ id: 'x', source: { kind: 'standard', field: 'shoeSize' } }],
        }),
      ),
    });
    await expect
      .poll(() => alert.textContent(), SOON)
      .toMatch(
        /^‘wrong-shape\.json’ was not imported: .*Rule 1.* The draft and the live mapping are unchanged\.$/,
      );
    expect(await ruleNames(editor)).toEqual(draft);
    expect(await liveMapping(popup)).toEqual(defaultMapping());

    // Export the draft, discard it, import the file: the draft is back, the live mapping untouched.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editor.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ghl-field-mapping-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported).rules.map((rule: { id: string }) => rule.id)).not.toContain(
      'owner',
    );
    await editor.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => ruleNames(editor), SOON).toHaveLength(8);
    await picker.setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await editor
      .getByRole('status')
      .getByText(`‘${download.suggestedFilename()}’ is now the draft (7 rules).`, { exact: false })
      .waitFor();
    expect(await ruleNames(editor)).toEqual(draft);
    expect(await liveMapping(popup)).toEqual(defaultMapping());
    expect(ghl.requests).toEqual([]);
  });

  it('the popup’s “Fields on the card” toggle hides a field from the card, and the panel follows', async () => {
    const page = await openLinked(JANE);
    ghl.clear();
    const card = contactCard(page, 'Jane Doe');
    expect(await cardFacts(card)).toMatchObject({ Phone: '+15551007919' });
    const toggles = track(await openPopup(browser));
    const onCard = toggles.getByRole('region', { name: 'Fields on the card' });
    const phone = onCard.getByRole('checkbox', { name: 'Phone', exact: true });
    expect(await phone.isChecked()).toBe(true);
    expect(await onCard.getByRole('checkbox', { name: 'Speaker name' }).isChecked()).toBe(false);

    await phone.uncheck();
    await expect.poll(() => cardLabels(card), SOON).not.toContain('Phone');
    expect(await cardLabels(card)).toContain('Email');
    expect((await liveMapping(popup)).rules.find((rule) => rule.id === 'phone')?.showOnCard).toBe(
      false,
    );
    // Hidden from the card, still in the record.
    expect((await recordOf(popup, 'tr-alpha')).fields).toMatchObject({ Phone: '+15551007919' });
    await mappingShot(toggles, 'popup-toggles');

    await toggles.reload();
    expect(await phone.isChecked()).toBe(false);
    await phone.check();
    await expect.poll(() => cardFacts(card), SOON).toMatchObject({ Phone: '+15551007919' });
    expect(ghl.requests, 'GHL requests for the toggles').toEqual([]);
  });
});
