import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SANDBOX_LOCATION } from '../../sandbox/sandbox-fixtures';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask } from './support/extension-pages';
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
  linkThroughSearch,
  panelOf,
} from './support/panel-session';
import { RESULTS } from './support/paths';

const HOSTILE_ID = 'sbxContHostileImg006';
const HOSTILE_NAME = '<img src=x onerror=alert(1)> Markup';
const JANE_URL = `https://app.gohighlevel.com/v2/location/${SANDBOX_LOCATION.id}/contacts/detail/${JANE_ID}`;
/** For the panel to show what the cache or GHL answered. */
const SOON = { timeout: 10_000, interval: 100 };
/** For a write to go through the outbox to GHL and back to the panel. */
const SENT = { timeout: 20_000, interval: 200 };

// The Trint panel's contact features against the routed Sandbox GHL, connected with a Private
// Integration token: each test checks what the person sees in the panel and what GHL received.
describe('Chromium: linking and working on a GHL contact from the Trint panel', () => {
  let browser: ExtensionChromium;
  let popup: Page;
  let page: Page;
  let ghl: ReturnType<typeof recordGhlRequests>;
  /** Messages of any dialog a page opened: markup from GHL must never run. */
  let dialogs: string[];

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
    await resetPanelState(popup);
    ghl.clear();
    dialogs = [];
  });
  afterEach(async () => {
    await page?.close();
    expect(dialogs, 'dialogs opened by a page').toEqual([]);
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  /** Opens a transcript in a new tab, failing the test on any dialog, and waits for the panel. */
  async function open(transcriptId: string): Promise<Locator> {
    page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(editorUrl(transcriptId));
    const panel = panelOf(page);
    await panel.getByTestId('transcript-id').filter({ hasText: transcriptId }).waitFor();
    return panel;
  }

  const shot = (name: string) => page.screenshot({ path: `${RESULTS}/panel-contact-${name}.png` });
  const searchbox = (panel: Locator) =>
    panel.getByRole('searchbox', { name: 'Search GHL contacts' });
  const results = (panel: Locator) => panel.getByRole('list', { name: 'Search results' });
  /** The search's status line ("3 contacts found", "2 found so far, searching GHL…"). */
  const searchStatus = (panel: Locator) =>
    panel.getByRole('status').filter({ hasText: /found/ }).textContent();
  const linkHeading = (panel: Locator) =>
    panel.getByRole('heading', { name: 'Link a GHL contact', level: 2 });
  /** The contact card's facts, label → text. */
  async function facts(card: Locator): Promise<Record<string, string>> {
    const labels = await card.getByRole('term').allTextContents();
    const values = await card.getByRole('definition').allTextContents();
    return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']));
  }
  const chips = (card: Locator) =>
    card.getByRole('list', { name: 'Tags' }).locator('li > span').allTextContents();
  /** The GHL searches the extension sent, by query. */
  const searchedFor = () =>
    ghl.received('POST', '/contacts/search').map((r) => (r.body as { query?: string }).query);

  it('suggests the speakers, finds Jane by name, email and phone, and links her: the card shows her', async () => {
    const panel = await open('tr-alpha');
    const suggested = panel.getByRole('list', { name: 'Suggested contacts' });
    await expect
      // Speakers first (a contact created at Acme Corp by another test may follow: the title).
      .poll(async () => (await suggested.getByRole('listitem').allTextContents()).slice(0, 2), SOON)
      .toEqual([
        expect.stringMatching(/^Jane Doe.*Speaker Jane Doe/),
        expect.stringMatching(/^Sam Lee.*Speaker Sam Lee/),
      ]);
    expect(
      await suggested.getByRole('button', { name: 'Link Jane Doe', exact: true }).count(),
    ).toBe(1);
    expect(await suggested.getByRole('button', { name: 'Link Sam Lee', exact: true }).count()).toBe(
      1,
    );
    await shot('suggestions');

    const janeResult = results(panel).getByRole('button', { name: 'Link Jane Doe', exact: true });
    for (const query of ['jane', 'jane.doe@acme.example', '1007919']) {
      await searchbox(panel).fill(query);
      await expect.poll(() => searchStatus(panel), SOON).toMatch(/^\d+ contacts? found$/);
      await expect.poll(() => janeResult.count(), SOON).toBe(1);
      // GHL was asked once typing paused: the email and phone searches were GHL's too.
      await expect.poll(searchedFor, SOON).toContain(query);
    }
    // Suggestions give way to the results while searching.
    expect(await suggested.count()).toBe(0);
    await shot('search-phone');

    await searchbox(panel).fill('Xylophone Quarternion');
    await expect.poll(searchedFor, SOON).toContain('Xylophone Quarternion');
    await expect.poll(() => searchStatus(panel), SOON).toBe('0 contacts found');
    expect(await results(panel).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Create a new contact' }).count()).toBe(1);
    await shot('search-nothing');

    await searchbox(panel).fill('jane');
    await janeResult.click();
    const card = panel.getByRole('region', { name: 'Contact Jane Doe' });
    await card.getByRole('heading', { name: 'Jane Doe', level: 2, exact: true }).waitFor();
    // The default mapping's card: company as Organisation; the owner (a user id) is not shown.
    expect(await facts(card)).toMatchObject({
      Email: 'jane.doe@acme.example',
      Organisation: 'Acme Corp',
    });
    expect(Object.keys(await facts(card))).not.toContain('Owner');
    await expect
      .poll(() => chips(card), SOON)
      .toEqual(['podcast guest', 'enterprise', 'needs follow-up']);
    const openInGhl = card.getByRole('link', { name: 'Open Jane Doe in GHL' });
    expect(await openInGhl.getAttribute('href')).toBe(JANE_URL);
    expect(await openInGhl.textContent()).toBe('Open in GHL');
    // Linking read the contact from GHL; nothing was written.
    expect(ghl.received('GET', `/contacts/${JANE_ID}`).length).toBeGreaterThan(0);
    expect(ghl.requests.filter((r) => ['PUT', 'DELETE'].includes(r.method))).toEqual([]);
    expect(ghl.received('POST', /^\/contacts\/?$/)).toEqual([]);
    expect(
      (
        await ask<{ link?: { contactId: string } }>(popup, 'transcript/get', {
          transcriptId: 'tr-alpha',
        })
      ).link?.contactId,
    ).toBe(JANE_ID);
    await shot('linked-card');
  });

  it('creates a contact prefilled from the page, catching a bad email before anything is sent', async () => {
    const before = browser.ghl.state.data.contacts.size;
    const panel = await open('tr-alpha');
    await searchbox(panel).fill('Zara Quinn');
    await expect.poll(searchedFor, SOON).toContain('Zara Quinn');
    await expect.poll(() => searchStatus(panel), SOON).toBe('0 contacts found');
    await panel.getByRole('button', { name: 'Create a new contact' }).click();

    const form = panel.getByRole('form', { name: 'New GHL contact' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    expect(await field('First name').inputValue()).toBe('Zara');
    expect(await field('Last name').inputValue()).toBe('Quinn');
    expect(await field('Company').inputValue()).toBe('Acme Corp');
    expect(await field('Email').inputValue()).toBe('');

    await field('Email').fill('zara.quinn@acme');
    await form.getByRole('button', { name: 'Create and link' }).click();
    await form.getByText('Enter an email like name@example.com').waitFor();
    expect(await field('Email').getAttribute('aria-invalid')).toBe('true');
    // Focus goes to the field to fix (inside the panel's shadow root).
    expect(
      await field('Email').evaluate(
        (input) => input === (input.getRootNode() as ShadowRoot).activeElement,
      ),
    ).toBe(true);
    await shot('create-invalid-email');
    // Time enough for a write to have gone out, had one been queued.
    await page.waitForTimeout(1500);
    expect(ghl.received('POST', /^\/contacts\/?$/)).toEqual([]);
    expect(browser.ghl.state.data.contacts.size).toBe(before);

    await field('Email').fill('zara.quinn@acme.example');
    await form.getByRole('button', { name: 'Create and link' }).click();
    const heading = panel.getByRole('heading', { name: 'Zara Quinn', level: 2, exact: true });
    await heading.waitFor({ timeout: SENT.timeout });

    const created = [...browser.ghl.state.data.contacts.values()].filter(
      (c) => c.email === 'zara.quinn@acme.example',
    );
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      firstName: 'Zara',
      lastName: 'Quinn',
      companyName: 'Acme Corp',
      source: 'GHL for Trint',
      locationId: SANDBOX_LOCATION.id,
    });
    expect(browser.ghl.state.data.contacts.size).toBe(before + 1);
    expect(ghl.received('POST', /^\/contacts\/?$/).map((r) => r.body)).toEqual([
      {
        locationId: SANDBOX_LOCATION.id,
        source: 'GHL for Trint',
        firstName: 'Zara',
        lastName: 'Quinn',
        email: 'zara.quinn@acme.example',
        companyName: 'Acme Corp',
      },
    ]);
    const link = await ask<{ link?: { contactId: string } }>(popup, 'transcript/get', {
      transcriptId: 'tr-alpha',
    });
    expect(link.link?.contactId).toBe(created[0]!.id);
    await shot('created-linked');
  });

  it('edits a contact: refuses a bad phone, shows the change at once, and sends only what changed', async () => {
    const edie = await createGhlContact(browser.ghl, {
      firstName: 'Edie',
      lastName: 'Mutable',
      email: 'edie.mutable@example.com',
      phone: '+15550102030',
    });
    const panel = await open('tr-bravo');
    await linkThroughSearch(page, 'Edie Mutable', 'Edie Mutable');
    // Edit, delete, others at the business and unlink are behind the card's More (issue 20).
    await panel.getByRole('button', { name: 'More', exact: true }).click();
    await panel.getByRole('button', { name: 'Edit contact' }).click();
    const form = panel.getByRole('form', { name: 'Edit contact Edie Mutable' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    expect(await field('Phone').inputValue()).toBe('+15550102030');

    await field('Last name').fill('Mutated');
    await field('Phone').fill('call me maybe');
    await form.getByRole('button', { name: 'Save' }).click();
    await form
      .getByText('A phone number may only use digits, spaces, +, -, . and parentheses')
      .waitFor();
    expect(await field('Phone').getAttribute('aria-invalid')).toBe('true');
    await shot('edit-invalid-phone');
    await page.waitForTimeout(1500);
    expect(ghl.received('PUT', `/contacts/${edie.id}`)).toEqual([]);

    // Keep the write from GHL for a moment, to see what the person sees while it is on its way.
    const put = ghl.hold('PUT', new RegExp(`^/contacts/${edie.id}$`));
    await field('Phone').fill('+1 555 010 9999');
    await form.getByRole('button', { name: 'Save' }).click();
    await put.arrived;
    const card = panel.getByRole('region', { name: 'Contact Edie Mutated' });
    await card.getByRole('heading', { name: 'Edie Mutated', level: 2 }).waitFor();
    expect(await card.getByText('Saving…').count()).toBe(1);
    expect(await facts(card)).toMatchObject({ Phone: '+1 555 010 9999' });
    expect(ghlContact(browser.ghl, edie.id)?.lastName).toBe('Mutable');
    await shot('edit-pending');

    put.release();
    await expect.poll(() => ghlContact(browser.ghl, edie.id)?.lastName, SENT).toBe('Mutated');
    expect(ghlContact(browser.ghl, edie.id)).toMatchObject({
      firstName: 'Edie',
      lastName: 'Mutated',
      // Sent as typed, stored by GHL in E.164.
      phone: '+15550109999',
      email: 'edie.mutable@example.com',
    });
    expect(ghl.received('PUT', `/contacts/${edie.id}`).map((r) => r.body)).toEqual([
      { lastName: 'Mutated', phone: '+1 555 010 9999' },
    ]);
    await expect.poll(() => card.getByText('Saving…').count(), SENT).toBe(0);
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Edie Mutated');
    await shot('edit-saved');
  });

  it('adds and removes tags: the chips change and so does the contact in GHL', async () => {
    const tia = await createGhlContact(browser.ghl, {
      firstName: 'Tia',
      lastName: 'Tagged',
      email: 'tia.tagged@example.com',
      tags: ['podcast guest', 'enterprise'],
    });
    const panel = await open('tr-charlie');
    await linkThroughSearch(page, 'Tia Tagged', 'Tia Tagged');
    const card = panel.getByRole('region', { name: 'Contact Tia Tagged' });
    await expect.poll(() => chips(card), SOON).toEqual(['podcast guest', 'enterprise']);

    await card.getByLabel('New tag').fill('vip');
    await card.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => chips(card), SOON).toContain('vip');
    await expect.poll(() => ghlContact(browser.ghl, tia.id)?.tags, SENT).toContain('vip');
    expect(ghl.received('POST', `/contacts/${tia.id}/tags`).map((r) => r.body)).toEqual([
      { tags: ['vip'] },
    ]);
    await shot('tag-added');

    await card.getByRole('button', { name: 'Remove tag enterprise' }).click();
    await expect.poll(() => chips(card), SOON).not.toContain('enterprise');
    await expect
      .poll(() => ghlContact(browser.ghl, tia.id)?.tags, SENT)
      .toEqual(['podcast guest', 'vip']);
    expect(ghl.received('DELETE', `/contacts/${tia.id}/tags`).map((r) => r.body)).toEqual([
      { tags: ['enterprise'] },
    ]);
    await expect.poll(() => chips(card), SENT).toEqual(['podcast guest', 'vip']);
    await shot('tag-removed');
  });

  it('lists the others at the contact’s business when asked', async () => {
    const panel = await open('tr-alpha');
    await linkThroughSearch(page, 'jane', 'Jane Doe');
    // Edit, delete, others at the business and unlink are behind the card's More (issue 20).
    await panel.getByRole('button', { name: 'More', exact: true }).click();
    const others = panel.getByRole('button', { name: 'Others at this business' });
    expect(await others.getAttribute('aria-expanded')).toBe('false');
    // Asked only when opened.
    expect(ghl.received('GET', /^\/contacts\/business\//)).toEqual([]);
    await others.click();
    expect(await others.getAttribute('aria-expanded')).toBe('true');
    const list = panel.getByRole('list', { name: 'Others at this business' });
    await expect
      .poll(() => list.getByRole('listitem').allTextContents(), SOON)
      .toContainEqual(expect.stringMatching(/^Sam Lee/));
    expect(await list.getByText('Jane Doe').count()).toBe(0);
    const businessId = ghlContact(browser.ghl, JANE_ID)?.businessId;
    expect(ghl.received('GET', `/contacts/business/${businessId}`)).toHaveLength(1);
    await shot('others-at-business');
  });

  it('deletes a contact after a confirmation naming it; the transcript stays, unlinked', async () => {
    const dora = await createGhlContact(browser.ghl, {
      firstName: 'Dora',
      lastName: 'Deletable',
      email: 'dora.deletable@example.com',
    });
    const panel = await open('tr-bravo');
    await linkThroughSearch(page, 'Dora Deletable', 'Dora Deletable');
    // Edit, delete, others at the business and unlink are behind the card's More (issue 20).
    await panel.getByRole('button', { name: 'More', exact: true }).click();
    await panel.getByRole('button', { name: 'Delete contact Dora Deletable in GHL' }).click();
    const confirm = panel.getByRole('group', {
      name: 'Confirm: delete contact Dora Deletable in GHL',
    });
    expect(await confirm.textContent()).toContain('Delete contact Dora Deletable in GHL?');
    await shot('delete-confirm');
    expect(ghlContact(browser.ghl, dora.id)).toBeDefined();

    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => ghlContact(browser.ghl, dora.id), SENT).toBeUndefined();
    expect(ghl.received('DELETE', `/contacts/${dora.id}`)).toHaveLength(1);
    await linkHeading(panel).waitFor({ timeout: SENT.timeout });
    expect(page.url()).toBe(editorUrl('tr-bravo'));
    expect(await page.getByTestId('transcript-title').textContent()).toBe(
      'Quarterly review — Globex',
    );
    expect(await panel.getByTestId('transcript-id').textContent()).toBe('tr-bravo');
    await shot('deleted');
  });

  it('unlinks: the panel offers the link search again, and GHL’s contact is untouched', async () => {
    const panel = await open('tr-alpha');
    await linkThroughSearch(page, 'jane', 'Jane Doe');
    const before = ghlContact(browser.ghl, JANE_ID);
    ghl.clear();
    // Edit, delete, others at the business and unlink are behind the card's More (issue 20).
    await panel.getByRole('button', { name: 'More', exact: true }).click();
    await panel.getByRole('button', { name: 'Unlink from this transcript' }).click();
    await linkHeading(panel).waitFor();
    await expect
      .poll(() => panel.getByRole('status').allTextContents(), SOON)
      .toContain('Unlinked. The contact is unchanged in GHL.');
    expect(await searchbox(panel).count()).toBe(1);
    expect(ghlContact(browser.ghl, JANE_ID)).toEqual(before);
    expect(ghl.requests.filter((r) => r.method !== 'GET' && r.path !== '/contacts/search')).toEqual(
      [],
    );
    const view = await ask<{ link?: unknown }>(popup, 'transcript/get', {
      transcriptId: 'tr-alpha',
    });
    expect(view.link).toBeUndefined();
    await shot('unlinked');
  });

  it('shows a contact whose name is markup as text, with no image element anywhere', async () => {
    const panel = await open('tr-charlie');
    await linkThroughSearch(page, 'Markup', HOSTILE_NAME);
    const card = panel.getByRole('region', { name: `Contact ${HOSTILE_NAME}` });
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(HOSTILE_NAME);
    // The contact's task titled with markup shows as text too.
    await panel.getByText('<img src=x onerror=alert(1)>', { exact: true }).first().waitFor();
    const images = await page.evaluate(() => ({
      panel: document.querySelector('ghl-trint-panel')?.shadowRoot?.querySelectorAll('img').length,
      page: document.querySelectorAll('img').length,
    }));
    expect(images).toEqual({ panel: 0, page: 0 });
    expect(await page.locator('img').count()).toBe(0);
    expect(ghl.received('GET', `/contacts/${HOSTILE_ID}`).length).toBeGreaterThan(0);
    // An image error handler would have run by now.
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await shot('hostile');
  });

  it('shows each transcript’s own contact as Trint navigates in the page and through history', async () => {
    const panel = await open('tr-alpha');
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await linkThroughSearch(page, 'jane', 'Jane Doe');

    await page.getByRole('link', { name: 'Next transcript' }).click();
    await panel.getByTestId('transcript-id').filter({ hasText: 'tr-bravo' }).waitFor();
    await linkHeading(panel).waitFor();
    await linkThroughSearch(page, 'Ana Ruiz', 'Ana Ruiz');
    await shot('spa-bravo');

    const heading = () => panel.getByRole('heading', { level: 2 }).allTextContents();
    await page.goBack();
    await expect.poll(() => page.url()).toBe(editorUrl('tr-alpha'));
    await expect.poll(heading, SOON).toContain('Jane Doe');
    expect(await heading()).not.toContain('Ana Ruiz');
    await page.goForward();
    await expect.poll(() => page.url()).toBe(editorUrl('tr-bravo'));
    await expect.poll(heading, SOON).toContain('Ana Ruiz');
    expect(await heading()).not.toContain('Jane Doe');
    expect(loads, 'navigation stayed in the page (no reload)').toEqual([]);
  });

  it('marks the linked transcript on Trint’s file list, and only that one', async () => {
    await open('tr-alpha');
    await linkThroughSearch(page, 'jane', 'Jane Doe');
    await page.getByRole('link', { name: 'All files' }).click();
    await page.getByRole('heading', { name: 'Your files' }).waitFor();

    const row = (id: string) => page.locator(`li[data-transcript-id="${id}"]`);
    const marker = row('tr-alpha').getByRole('img', { name: 'Linked to GHL' });
    await marker.waitFor({ timeout: SOON.timeout });
    expect(await row('tr-alpha').locator('a + ghl-link-marker').count()).toBe(1);
    expect(await row('tr-bravo').locator('ghl-link-marker').count()).toBe(0);
    expect(await row('tr-bravo').getByRole('img').count()).toBe(0);
    expect(await page.locator('ghl-link-marker').count()).toBe(1);
    await shot('file-list-marker');
  });

  it('collapses and resizes with the keyboard, both remembered after a reload', async () => {
    let panel = await open('tr-alpha');
    await panel.getByRole('button', { name: 'Hide the GHL for Trint panel' }).click();
    const show = panel.getByRole('button', { name: 'Show the GHL for Trint panel' });
    await show.waitFor();
    expect(await panel.getByRole('button').count()).toBe(1);
    expect(await panel.getByRole('heading').count()).toBe(0);
    await shot('collapsed');

    await page.reload();
    panel = panelOf(page);
    await show.waitFor();
    expect(await panel.getByRole('button').count()).toBe(1);
    await show.click();
    await panel.getByTestId('transcript-id').waitFor();

    const separator = panel.getByRole('separator', { name: 'Resize the GHL panel' });
    const width = async () => (await panel.boundingBox())?.width ?? 0;
    const startWidth = await width();
    const startValue = Number(await separator.getAttribute('aria-valuenow'));
    await separator.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => Number(await separator.getAttribute('aria-valuenow')), SOON)
      .toBe(startValue + 48);
    await expect.poll(width, SOON).toBeGreaterThan(startWidth);
    const grown = await width();
    await shot('resized');

    await page.reload();
    panel = panelOf(page);
    await panel.getByTestId('transcript-id').waitFor();
    const afterReload = panel.getByRole('separator', { name: 'Resize the GHL panel' });
    expect(Number(await afterReload.getAttribute('aria-valuenow'))).toBe(startValue + 48);
    await expect.poll(async () => (await panel.boundingBox())?.width, SOON).toBe(grown);
  });
});
