import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { TranscriptView } from '../../utils/transcripts/transcript-view';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/firefox';
import { openPopup } from './support/firefox-extension-pages';
import {
  ask,
  byRole,
  COMPLETED_TASKS,
  dueInput,
  typeDate,
  inPanel,
  OPEN_TASKS,
  PANEL,
  rowTexts,
  sandboxTasks,
  shot,
  TASKS,
  textOf,
} from './support/firefox-panel';
import { RESULTS } from './support/paths';

const JANE_ID = 'sbxContJaneDoe000002';
const HOSTILE_ID = 'sbxContHostileImg006';
const HOSTILE_NAME = '<img src=x onerror=alert(1)> Markup';
const TRANSCRIPTS = ['tr-alpha', 'tr-bravo', 'tr-charlie'];
/** For the panel to show what the cache or GHL answered. */
const SOON = { timeout: 10_000, interval: 100 };
/** For a write to go through the outbox to GHL and back to the panel. */
const SENT = { timeout: 20_000, interval: 200 };

// The Trint panel in Firefox as a person works it, connected in Sandbox mode (the Sandbox GHL runs
// inside the extension: Firefox gives puppeteer no way to route the background page's requests).
// What GHL holds is read from the Sandbox's own stored records, apart from the cache.
describe('Firefox: working a contact from the Trint panel, Sandbox mode', () => {
  let firefox: ExtensionFirefox;
  let popup: Page;
  let page: Page | undefined;
  /** Messages of any dialog a page opened: markup from GHL must never run. */
  let dialogs: string[];

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
    mkdirSync(RESULTS, { recursive: true });
    popup = await openPopup(firefox);
    await popup.locator('::-p-aria(Use the Sandbox (demo data, no account))').click();
    await popup.waitForFunction(
      () => document.querySelector('#connection-title')?.textContent?.startsWith('Sandbox mode'),
      { timeout: 10_000 },
    );
  });
  afterAll(async () => {
    await firefox?.close();
  });
  beforeEach(async () => {
    for (const transcriptId of TRANSCRIPTS) await ask(popup, 'link/remove', { transcriptId });
    dialogs = [];
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
    expect(dialogs, 'dialogs opened by a page').toEqual([]);
    expect(firefox.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  /** Opens a transcript in a new tab, wide enough for Trint and the panel, and waits for the panel. */
  async function open(transcriptId: string): Promise<Page> {
    const opened = (page = await firefox.newTrintPage());
    opened.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {}); // the page may close first; the test fails regardless
    });
    await opened.setViewport({ width: 1280, height: 1000 });
    await opened.goto(`https://app.trint.com/editor/${transcriptId}`);
    await expect
      .poll(() => textOf(opened, inPanel('[data-testid="transcript-id"]')), SOON)
      .toBe(transcriptId);
    return opened;
  }

  /** The card's heading (level 2) once it names `name`. */
  const cardHeading = (p: Page, name: string) =>
    p.waitForSelector(inPanel(`${byRole('region', `Contact ${name}`)} h2`), { timeout: 10_000 });
  const view = (transcriptId: string) =>
    ask<TranscriptView>(popup, 'transcript/get', { transcriptId });

  it('links Jane Doe from the suggestions: her card and her tasks, the overdue one marked', async () => {
    const p = await open('tr-alpha');
    const suggested = inPanel(byRole('list', 'Suggested contacts'));
    const link = `${suggested} ${byRole('button', 'Link Jane Doe')}`;
    await p.waitForSelector(link, { timeout: 10_000 });
    expect(await textOf(p, suggested)).toContain('Speaker Jane Doe');
    await shot(p, 'work-suggestions');

    await p.locator(link).click();
    const heading = await cardHeading(p, 'Jane Doe');
    expect(await heading!.evaluate((h) => h.textContent)).toBe('Jane Doe');
    expect((await view('tr-alpha')).link?.contactId).toBe(JANE_ID);

    await expect.poll(() => rowTexts(p, OPEN_TASKS), SOON).toHaveLength(2);
    const [first, second] = await rowTexts(p, OPEN_TASKS);
    expect(first).toContain('Send pilot pricing');
    expect(first).toContain('Overdue');
    expect(second).toContain('Book quarterly review');
    expect(second).not.toContain('Overdue');
    expect(await rowTexts(p, COMPLETED_TASKS)).toEqual([
      expect.stringContaining('Share transcript highlights'),
    ]);
    expect(await textOf(p, TASKS)).toContain('2 open');
    await shot(p, 'work-linked');
  });

  it('adds a task through the form; GHL has it, and it comes back after a reload; then completes it', async () => {
    await ask(popup, 'link/set', { transcriptId: 'tr-alpha', contactId: JANE_ID });
    const p = await open('tr-alpha');
    await cardHeading(p, 'Jane Doe');
    const title = 'Send Jane the pilot contract';

    await p.locator(`${TASKS} ${byRole('button', 'Add task')}`).click();
    const form = `${TASKS} ${byRole('form', 'New task')}`;
    await p.waitForSelector(form);
    const { date, iso } = await dueInput(p, 9);
    await p.locator(`${form} ${byRole('textbox', 'Title')}`).fill(title);
    await typeDate(p, `${form} input[type="date"]`, date);
    await shot(p, 'work-task-form');
    await p.locator(`${form} ${byRole('button', 'Save task')}`).click();

    const complete = `${OPEN_TASKS} ${byRole('button', `Complete task ‘${title}’`)}`;
    await expect
      .poll(async () => (await rowTexts(p, OPEN_TASKS)).join('\n'), SOON)
      .toContain(title);
    expect(await p.$(form), 'the form closed').toBeNull();
    // Enabled once GHL has answered with the task's id (a task on its way cannot be changed).
    await p.waitForSelector(`${complete}:not([disabled])`, { timeout: SENT.timeout });
    const row = (await rowTexts(p, OPEN_TASKS)).find((text) => text.includes(title))!;
    expect(row).not.toContain('Saving…');
    expect(row).not.toContain('Overdue');
    await shot(p, 'work-task-created');

    // GHL's side: the Sandbox's stored records hold exactly one such task, due when chosen.
    const inGhl = async () => (await sandboxTasks(popup))?.filter((t) => t.title === title) ?? [];
    await expect.poll(inGhl, SENT).toHaveLength(1);
    const [made] = await inGhl();
    expect(made).toMatchObject({ contactId: JANE_ID, dueDate: iso, completed: false });
    // The cache has GHL's record, with GHL's id, and nothing is left to send.
    const cached = (await view('tr-alpha')).tasks.find((t) => t.title === title);
    expect(cached).toMatchObject({ id: made!.id, dueDate: iso, completed: false });
    expect(await ask<unknown[]>(popup, 'outbox/list')).toEqual([]);

    await p.reload();
    await cardHeading(p, 'Jane Doe');
    await expect
      .poll(async () => (await rowTexts(p, OPEN_TASKS)).join('\n'), SOON)
      .toContain(title);
    await shot(p, 'work-task-reloaded');

    await p.locator(complete).click();
    await expect.poll(async () => (await inGhl())[0]?.completed, SENT).toBe(true);
    await expect
      .poll(async () => (await rowTexts(p, COMPLETED_TASKS)).join('\n'), SENT)
      .toContain(title);
    expect((await rowTexts(p, OPEN_TASKS)).join('\n')).not.toContain(title);
    await p.waitForSelector(
      `${COMPLETED_TASKS} ${byRole('button', `Reopen task ‘${title}’`)}:not([disabled])`,
      { timeout: SENT.timeout },
    );
    await expect
      .poll(async () => (await view('tr-alpha')).tasks.find((t) => t.title === title), SENT)
      .toMatchObject({ id: made!.id, completed: true });
    expect(await inGhl()).toHaveLength(1);
    await shot(p, 'work-task-completed');
  });

  it('shows a contact named with markup as text, never as an element', async () => {
    const p = await open('tr-charlie');
    await p.locator(inPanel(byRole('searchbox', 'Search GHL contacts'))).fill('Markup');
    const link = `${inPanel(byRole('list', 'Search results'))} ${byRole('button', `Link ${HOSTILE_NAME}`)}`;
    await p.locator(link).setTimeout(SENT.timeout).click();
    const heading = await cardHeading(p, HOSTILE_NAME);
    expect(await heading!.evaluate((h) => h.textContent)).toBe(HOSTILE_NAME);
    expect((await view('tr-charlie')).link?.contactId).toBe(HOSTILE_ID);

    await expect
      .poll(async () => (await rowTexts(p, OPEN_TASKS)).join('\n'), SENT)
      .toContain('<img src=x onerror=alert(1)>');
    const injected = await p.evaluate(() => {
      const root = document.querySelector('ghl-trint-panel')!.shadowRoot!;
      return root.querySelectorAll('img, script').length;
    });
    expect(injected, 'img or script elements in the panel').toBe(0);
    expect(await p.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await p.evaluate(() => document.body !== null)).toBe(true);
    expect(await textOf(p, PANEL)).toContain(HOSTILE_NAME);
    await shot(p, 'work-hostile');
  });
});
