import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SANDBOX_USERS } from '../../sandbox/sandbox-fixtures';
import { sandboxControl } from '../support/sandbox-control';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { openPopup, resetConnection } from './support/extension-pages';
import { connectWithToken, JANE_ID } from './support/panel-session';
import {
  chooseOption,
  dueInput,
  ghlTasks,
  openLinked,
  rowWith,
  SENT,
  shot,
  tasksOf,
  typeDate,
  typeTime,
} from './support/panel-work-steps';
import { RESULTS } from './support/paths';

const JANE = { transcriptId: 'tr-alpha', contactId: JANE_ID, name: 'Jane Doe' };
const CASEY = SANDBOX_USERS.find((user) => user.name.startsWith('Casey'))!;
const nameOf = (id: string | null | undefined) =>
  SANDBOX_USERS.find((user) => user.id === id)?.name;

// People's names instead of GHL user ids (issue 19), against the Sandbox GHL: with
// users.readonly granted the panel names assignees and the task form offers them by name; without
// it the popup says which scope would.
describe('Chromium: names, not ids', () => {
  let browser: ExtensionChromium;
  let popup: Page | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
    if (popup) await resetConnection(popup);
    await popup?.close();
    popup = undefined;
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  it('shows assignees by name, offers them in the task form, and sends the chosen user id', async () => {
    popup = await connectWithToken(browser);
    page = await openLinked(browser, popup, JANE);
    const tasks = tasksOf(page);
    const seeded = ghlTasks(browser, JANE_ID).find((t) => t.title === 'Send pilot pricing')!;
    const assignee = nameOf(seeded.assignedTo)!;
    expect(assignee, 'the Sandbox seeds a named assignee').toBeTruthy();
    const row = rowWith(tasks.getByRole('list', { name: 'Open tasks' }), 'Send pilot pricing');
    await expect.poll(() => row.textContent(), SENT).toContain(`Assigned to ${assignee}`);
    expect(await row.textContent()).not.toContain(seeded.assignedTo);
    await shot(page, 'names-assignee', row);

    await tasks.getByRole('button', { name: 'Add task', exact: true }).click();
    const form = tasks.getByRole('form', { name: 'New task' });
    const select = form.getByRole('combobox', { name: 'Assignee' });
    const options = await select.locator('option').allTextContents();
    expect(options).toEqual(['Nobody', ...SANDBOX_USERS.map((user) => user.name).sort()]);
    const { date, iso } = await dueInput(page, 5, '10:00');
    await form.getByRole('textbox', { name: 'Title' }).fill('Brief Casey on the pilot');
    await typeDate(form.getByLabel('Due date'), date);
    await typeTime(form.getByLabel('Due time (09:00 if empty)'), '10:00');
    await chooseOption(select, CASEY.name);
    expect(await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(
      CASEY.name,
    );
    await shot(page, 'names-task-form', form);
    await form.getByRole('button', { name: 'Save task' }).click();

    await expect
      .poll(
        () => ghlTasks(browser, JANE_ID).filter((t) => t.title === 'Brief Casey on the pilot'),
        SENT,
      )
      .toEqual([expect.objectContaining({ assignedTo: CASEY.id, dueDate: iso })]);
    const made = rowWith(
      tasks.getByRole('list', { name: 'Open tasks' }),
      'Brief Casey on the pilot',
    );
    await expect.poll(() => made.textContent(), SENT).toContain(`Assigned to ${CASEY.name}`);
  });

  it('without users.readonly: ids as before, and the popup names the scope that would show names', async () => {
    await sandboxControl(browser.ghl, 'counters/reset', {});
    popup = await connectWithToken(browser, ['contacts.readonly', 'contacts.write']);
    const line = popup.getByTestId('missing-name-scopes');
    await expect
      .poll(() => line.textContent(), SENT)
      .toBe(
        "Grant users.readonly and locations/customFields.readonly to see people's names and custom fields' names instead of ids.",
      );
    await popup.locator('main').screenshot({ path: `${RESULTS}/chromium-popup-missing-names.png` });
    // Asked once: opening the popup again answers from the cache, without asking GHL.
    const asked = () =>
      (browser.ghl.state.counters.byEndpoint['GET /users/'] ?? 0) +
      (browser.ghl.state.counters.byEndpoint['GET /locations/:locationId/customFields'] ?? 0);
    const before = asked();
    expect(before).toBe(2);
    const again = await openPopup(browser);
    await expect.poll(() => again.getByTestId('missing-name-scopes').count(), SENT).toBe(1);
    await again.close();
    expect(asked()).toBe(before);

    page = await openLinked(browser, popup, JANE);
    const seeded = ghlTasks(browser, JANE_ID).find((t) => t.title === 'Send pilot pricing')!;
    const row = rowWith(
      tasksOf(page).getByRole('list', { name: 'Open tasks' }),
      'Send pilot pricing',
    );
    await expect.poll(() => row.textContent(), SENT).toContain(`Assigned to ${seeded.assignedTo}`);
    await tasksOf(page).getByRole('button', { name: 'Add task', exact: true }).click();
    await tasksOf(page)
      .getByRole('textbox', { name: 'Assignee (GHL user id, optional)' })
      .waitFor();
  });
});
