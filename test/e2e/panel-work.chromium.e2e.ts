import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { NO_WRITE_SCOPE_REASON } from '../../utils/auth/connection-status';
import { sandboxControl } from '../support/sandbox-control';
import { launchChromiumWithExtension, type ExtensionChromium } from './support/chromium';
import { ask, resetConnection } from './support/extension-pages';
import { connectWithToken, JANE_ID, openTranscript, panelOf } from './support/panel-session';
import {
  dueInput,
  typeDate,
  typeTime,
  ENDPOINT,
  ghlNotes,
  ghlTasks,
  goOffline,
  goOnline,
  notesOf,
  openLinked,
  readableDayTime,
  received,
  rowTexts,
  rowWith,
  SENT,
  shot,
  taskInGhl,
  tasksOf,
} from './support/panel-work-steps';
import { RESULTS } from './support/paths';

const JANE = { transcriptId: 'tr-alpha', contactId: JANE_ID, name: 'Jane Doe' };
const ANA = { transcriptId: 'tr-bravo', contactId: 'sbxContAnaRuiz000004', name: 'Ana Ruiz' };
const HOSTILE_ID = 'sbxContHostileImg006';
const HOSTILE_NAME = '<img src=x onerror=alert(1)> Markup';
/** GHL answers slowly enough for a person (and the test) to see a write on its way. */
const SLOW_GHL = { latencyMs: 1_500 };

// Working a linked contact's tasks, notes and appointments from the panel beside a Trint
// transcript (issue 6), against the Sandbox GHL: each test checks what the person sees in the
// panel and what GHL received.
describe('Chromium: working a contact from the Trint panel', () => {
  let browser: ExtensionChromium;
  let popup: Page;
  let page: Page | undefined;

  const ghl = <T>(path: string, body?: unknown, method?: string) =>
    sandboxControl<T>(browser.ghl, path, body, method);
  const jobs = () => ask<{ id: string; status: string }[]>(popup, 'outbox/list');
  const openJane = async () => (page = await openLinked(browser, popup, JANE));

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    mkdirSync(RESULTS, { recursive: true });
    popup = await connectWithToken(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await ghl('faults', undefined, 'DELETE');
    await ghl('counters/reset', {});
  });
  afterEach(async () => {
    await ghl('faults', undefined, 'DELETE');
    await page?.close();
    page = undefined;
    expect(browser.unrouted, 'requests to hosts the test did not route').toEqual([]);
  });

  it('lists open tasks first, the overdue one marked in words, completed ones after, with readable due dates', async () => {
    const p = await openJane();
    const tasks = tasksOf(p);
    const open = tasks.getByRole('list', { name: 'Open tasks' });
    const completed = tasks.getByRole('list', { name: 'Completed tasks' });
    await expect.poll(() => rowTexts(open)).toHaveLength(2);

    const [first, second] = await rowTexts(open);
    expect(first).toContain('Send pilot pricing');
    expect(first).toContain('Overdue');
    expect(second).toContain('Book quarterly review');
    expect(second).not.toContain('Overdue');
    expect(await tasks.textContent()).toContain('2 open');
    expect(await rowTexts(completed)).toEqual([
      expect.stringContaining('Share transcript highlights'),
    ]);
    expect((await rowTexts(completed))[0], 'a completed task is never overdue').not.toContain(
      'Overdue',
    );
    // Completed after open, in reading order.
    const all = await rowTexts(tasks);
    expect(all.findIndex((t) => t.includes('Share transcript highlights'))).toBe(2);

    // The due date is GHL's instant, written in the person's locale and time zone.
    const pricing = ghlTasks(browser, JANE_ID).find((t) => t.title === 'Send pilot pricing')!;
    const due = rowWith(open, 'Send pilot pricing').locator('time');
    expect(await due.getAttribute('datetime')).toBe(pricing.dueDate);
    expect(await due.textContent()).toBe(await readableDayTime(p, pricing.dueDate));
    expect(await due.textContent()).not.toMatch(/T\d\d:|Z$/);
    await shot(p, 'tasks', tasks);
  });

  it('creates a task: an empty title is refused in the form, a full one reaches GHL once', async () => {
    const p = await openJane();
    const tasks = tasksOf(p);
    await tasks.getByRole('button', { name: 'Add task', exact: true }).click();
    const form = tasks.getByRole('form', { name: 'New task' });
    await form.getByRole('button', { name: 'Save task' }).click();

    const title = form.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Enter a title for the task.');
    expect(await form.textContent()).toContain('Choose the day the task is due.');
    // The focus goes to the first field to fix (inside the panel's shadow root).
    await expect
      .poll(() => title.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await shot(p, 'task-form-errors', form);
    await p.waitForTimeout(1_000); // anything sent would have reached GHL by now
    expect(received(browser, ENDPOINT.createTask), 'POST …/tasks').toBe(0);
    expect(await jobs()).toEqual([]);

    const { date, iso } = await dueInput(p, 18, '14:30');
    await title.fill('Call back Jane');
    await typeDate(form.getByLabel('Due date'), date);
    await typeTime(form.getByLabel('Due time (09:00 if empty)'), '14:30');
    await form.getByLabel('Description (optional)').fill('Ask which two teams join the pilot.');
    await ghl('faults', SLOW_GHL);
    await form.getByRole('button', { name: 'Save task' }).click();

    const row = rowWith(tasks.getByRole('list', { name: 'Open tasks' }), 'Call back Jane');
    await expect.poll(() => row.textContent(), SENT).toContain('Saving…');
    expect(await form.count(), 'the form closed').toBe(0);
    await shot(p, 'task-pending', row);
    await expect.poll(() => row.textContent(), SENT).not.toContain('Saving…');
    await row.getByRole('button', { name: 'Complete task ‘Call back Jane’' }).waitFor();
    expect(await row.locator('time').textContent()).toBe(await readableDayTime(p, iso));
    await shot(p, 'task-created', row);

    const made = ghlTasks(browser, JANE_ID).filter((t) => t.title === 'Call back Jane');
    expect(made).toEqual([
      expect.objectContaining({
        dueDate: iso,
        completed: false,
        body: 'Ask which two teams join the pilot.',
      }),
    ]);
    expect(received(browser, ENDPOINT.createTask)).toBe(1);
  });

  it('edits a task: only the new title is sent, and GHL has it', async () => {
    const task = await taskInGhl(browser, JANE_ID, 'Draft the pilot plan');
    const p = await openJane();
    const sent: Request[] = [];
    const listen = (request: Request) => {
      if (request.method() === 'PUT' && request.url().includes('/tasks/')) sent.push(request);
    };
    browser.context.on('request', listen);
    try {
      const tasks = tasksOf(p);
      await tasks.getByRole('button', { name: 'Edit task ‘Draft the pilot plan’' }).click();
      const form = tasks.getByRole('form', { name: 'Edit task ‘Draft the pilot plan’' });
      expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(
        'Draft the pilot plan',
      );
      await form.getByRole('textbox', { name: 'Title' }).fill('Draft the pilot plan with Sam');
      await form.getByRole('button', { name: 'Save changes' }).click();

      await expect
        .poll(() => browser.ghl.state.data.tasks.get(task.id)?.title, SENT)
        .toBe('Draft the pilot plan with Sam');
      const row = rowWith(tasks, 'Draft the pilot plan with Sam');
      await expect.poll(() => row.textContent(), SENT).not.toContain('Saving…');
      await shot(p, 'task-edited', row);
      expect(received(browser, ENDPOINT.updateTask)).toBe(1);
      expect(sent.map((r) => r.postDataJSON())).toEqual([
        { title: 'Draft the pilot plan with Sam' },
      ]);
      expect(browser.ghl.state.data.tasks.get(task.id)?.dueDate).toBe(task.dueDate);
    } finally {
      browser.context.off('request', listen);
    }
  });

  it('completes a task and reopens it, moving it between the lists', async () => {
    const task = await taskInGhl(browser, JANE_ID, 'Confirm the pilot teams');
    const p = await openJane();
    const tasks = tasksOf(p);
    const open = tasks.getByRole('list', { name: 'Open tasks' });
    const completed = tasks.getByRole('list', { name: 'Completed tasks' });
    await rowWith(open, 'Confirm the pilot teams').waitFor();

    await tasks.getByRole('button', { name: 'Complete task ‘Confirm the pilot teams’' }).click();
    await expect.poll(() => browser.ghl.state.data.tasks.get(task.id)?.completed, SENT).toBe(true);
    expect(received(browser, ENDPOINT.completeTask)).toBe(1);
    await expect.poll(() => rowWith(completed, 'Confirm the pilot teams').count()).toBe(1);
    expect(await rowWith(open, 'Confirm the pilot teams').count()).toBe(0);
    await shot(p, 'task-completed', completed);

    // Enabled once GHL has the first change (a row on its way cannot be changed).
    await tasks.getByRole('button', { name: 'Reopen task ‘Confirm the pilot teams’' }).click();
    await expect.poll(() => browser.ghl.state.data.tasks.get(task.id)?.completed, SENT).toBe(false);
    expect(received(browser, ENDPOINT.completeTask)).toBe(2);
    await expect.poll(() => rowWith(open, 'Confirm the pilot teams').count()).toBe(1);
    expect(await rowWith(completed, 'Confirm the pilot teams').count()).toBe(0);
  });

  it('deletes a task only after a confirmation that names it; Cancel sends nothing', async () => {
    const task = await taskInGhl(browser, JANE_ID, 'Chase the old invoice');
    const p = await openJane();
    const tasks = tasksOf(p);
    const row = rowWith(tasks, 'Chase the old invoice');
    const remove = tasks.getByRole('button', { name: 'Delete task ‘Chase the old invoice’' });
    const confirm = tasks.getByRole('group', {
      name: 'Confirm: delete task ‘Chase the old invoice’',
    });

    await remove.click();
    expect(await confirm.textContent()).toContain(
      'Delete task ‘Chase the old invoice’? It is deleted in GHL for everyone.',
    );
    await shot(p, 'task-delete-confirm', confirm);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    await p.waitForTimeout(1_000);
    expect(received(browser, ENDPOINT.deleteTask)).toBe(0);
    expect(browser.ghl.state.data.tasks.has(task.id)).toBe(true);
    expect(await row.count()).toBe(1);

    await remove.click();
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => browser.ghl.state.data.tasks.has(task.id), SENT).toBe(false);
    await expect.poll(() => row.count(), SENT).toBe(0);
    expect(received(browser, ENDPOINT.deleteTask)).toBe(1);
  });

  it('works notes: pinned first, an empty one refused, then create, edit and delete reach GHL', async () => {
    const p = await openJane();
    const notes = notesOf(p);
    const list = notes.getByRole('list', { name: 'Notes' });
    const [pinned, plain] = await rowTexts(list);
    expect(pinned).toContain('Discovery call summary');
    expect(pinned).toContain('Pinned');
    expect(plain).toContain('Asked about the API and SSO.');
    expect(plain).not.toContain('Pinned');

    await notes.getByRole('button', { name: 'New note' }).click();
    const form = notes.getByRole('form', { name: 'New note' });
    await form.getByRole('button', { name: 'Add note' }).click();
    expect(await form.textContent()).toContain('Write the note first: a note needs some text.');
    expect(await form.getByRole('textbox', { name: 'Note' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await shot(p, 'note-form-error', form);
    await p.waitForTimeout(1_000);
    expect(received(browser, ENDPOINT.createNote)).toBe(0);

    await form.getByRole('textbox', { name: 'Title (optional)' }).fill('Billing');
    await form.getByRole('textbox', { name: 'Note' }).fill('Wants annual billing.');
    await form.getByRole('button', { name: 'Add note' }).click();
    const saying = (body: string) => ghlNotes(browser, JANE_ID).filter((n) => n.body === body);
    await expect.poll(() => saying('Wants annual billing.').length, SENT).toBe(1);
    expect(saying('Wants annual billing.')[0]).toMatchObject({ title: 'Billing', pinned: false });
    const row = rowWith(list, 'Billing');
    await expect.poll(() => row.textContent(), SENT).not.toContain('Saving…');
    expect((await rowTexts(list))[0], 'the pinned note stays on top').toContain(
      'Discovery call summary',
    );
    const id = saying('Wants annual billing.')[0]!.id;

    await row.getByRole('button', { name: 'Edit note ‘Billing’' }).click();
    const edit = notes.getByRole('form', { name: 'Edit note ‘Billing’' });
    await edit
      .getByRole('textbox', { name: 'Note' })
      .fill('Wants annual billing, invoiced in EUR.');
    await edit.getByRole('button', { name: 'Save note' }).click();
    await expect
      .poll(() => browser.ghl.state.data.notes.get(id)?.body, SENT)
      .toBe('Wants annual billing, invoiced in EUR.');
    expect(received(browser, ENDPOINT.updateNote)).toBe(1);
    await expect.poll(() => row.textContent(), SENT).toContain('invoiced in EUR');
    await shot(p, 'note-edited', row);

    await row.getByRole('button', { name: 'Delete note ‘Billing’' }).click();
    const confirm = notes.getByRole('group', { name: 'Confirm: delete note ‘Billing’' });
    expect(await confirm.textContent()).toContain('Delete note ‘Billing’?');
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => browser.ghl.state.data.notes.has(id), SENT).toBe(false);
    await expect.poll(() => row.count(), SENT).toBe(0);
    expect(received(browser, ENDPOINT.deleteNote)).toBe(1);
  });

  it('saves a selection of the transcript as a note quoting it, with a link back', async () => {
    const p = await openJane();
    const quote = 'Sure. Right now every interview is transcribed and then copied into the CRM.';
    await p.evaluate((text) => {
      const paragraph = [...document.querySelectorAll('article.editor p')].find((el) =>
        el.textContent?.includes(text),
      )!;
      const words = [...paragraph.childNodes].find((n) => n.textContent?.includes(text))!;
      const range = document.createRange();
      range.selectNodeContents(words);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, quote);
    const notes = notesOf(p);
    await expect.poll(() => notes.textContent()).toContain('Selected: “Sure. Right now every');
    await shot(p, 'selection', notes);
    const before = Date.now();
    await notes.getByRole('button', { name: 'Save selection as note' }).click();

    const saved = () =>
      ghlNotes(browser, JANE_ID).filter(
        (n) => n.title === 'From Trint: Discovery call with Acme Corp',
      );
    await expect.poll(() => saved().length, SENT).toBe(1);
    const { body } = saved()[0]!;
    expect(body).toContain(`“${quote}”`);
    expect(body).toContain('https://app.trint.com/editor/tr-alpha');
    const stamp = body.match(/— Discovery call with Acme Corp, saved (.+)\n/)?.[1];
    expect(stamp, body).toBeDefined();
    // The time it was saved, as the person reads times (to the minute).
    const minute = (at: number) => readableDayTime(p, new Date(at).toISOString());
    expect([await minute(before), await minute(Date.now())]).toContain(stamp);
    expect(received(browser, ENDPOINT.createNote)).toBe(1);

    const row = rowWith(notes.getByRole('list', { name: 'Notes' }), 'From Trint: Discovery call');
    await expect.poll(() => row.textContent(), SENT).toContain(quote);
    await expect.poll(() => row.textContent(), SENT).not.toContain('Saving…');
    await shot(p, 'selection-saved', row);
  });

  it('lists appointments, upcoming and past, with nothing to change them', async () => {
    const p = await openJane();
    const section = panelOf(p).getByRole('region', { name: 'Appointments' });
    const upcoming = section.getByRole('list', { name: 'Upcoming appointments' });
    const past = section.getByRole('list', { name: 'Past appointments' });
    expect(await rowTexts(upcoming)).toEqual([expect.stringContaining('Pilot kick-off demo')]);
    expect(await rowTexts(past)).toEqual([expect.stringContaining('Intro call')]);
    expect(await upcoming.textContent()).toContain('Where: Google Meet');
    expect(await past.textContent()).toContain('Status: Showed');
    // Only its heading's show/hide button: nothing that writes.
    expect(await section.getByRole('button').count()).toBe(1);
    await section.getByRole('button', { name: 'Appointments', exact: true }).waitFor();
    expect(await section.getByRole('textbox').count()).toBe(0);
    await shot(p, 'appointments', section);
  });

  it('read-only: tasks and notes are listed, with the notice and no control that writes', async () => {
    await resetConnection(popup);
    await popup.close();
    popup = await connectWithToken(browser, ['contacts.readonly']);
    try {
      const p = await openJane();
      const panel = panelOf(p);
      await expect.poll(() => panel.textContent()).toContain(NO_WRITE_SCOPE_REASON);
      await rowWith(tasksOf(p), 'Send pilot pricing').waitFor();
      await rowWith(notesOf(p), 'Discovery call summary').waitFor();
      // The contact's other actions are behind More: open, so their absence is what is checked.
      await panel.getByRole('button', { name: 'More', exact: true }).click();
      const writeControls = [
        'Log transcript',
        'Add note',
        'Add task',
        /^(Complete|Reopen|Edit|Delete) task/,
        'New note',
        'Save selection as note',
        /^(Edit|Delete) note/,
        'Edit contact',
        /^Delete contact/,
        /^Remove tag/,
        'Add tag',
      ];
      for (const name of writeControls) {
        expect(await panel.getByRole('button', { name }).count(), String(name)).toBe(0);
      }
      expect(await panel.getByRole('textbox').count(), 'no tag field').toBe(0);
      // Only each heading's show/hide button: nothing that writes.
      expect(await tasksOf(p).getByRole('button').count()).toBe(1);
      expect(await notesOf(p).getByRole('button').count()).toBe(1);
      await tasksOf(p).getByRole('button', { name: 'Tasks', exact: true }).waitFor();
      await notesOf(p).getByRole('button', { name: 'Notes', exact: true }).waitFor();
      await shot(p, 'read-only');
    } finally {
      await resetConnection(popup);
      await popup.close();
      popup = await connectWithToken(browser);
    }
  });

  it('a write GHL refuses for good is rolled back, with its reason, Retry and Discard', async () => {
    const p = (page = await openLinked(browser, popup, ANA));
    // The contact is deleted in GHL meanwhile: GHL refuses any task for it with a 404, which
    // the outbox keeps as failed. (The Sandbox's injected faults are 5xx only, which the outbox
    // rightly retries for minutes before giving up.)
    await ghl(`contacts/${ANA.contactId}`, undefined, 'DELETE');
    await ghl('faults', SLOW_GHL);
    const tasks = tasksOf(p);
    const rolledBack = panelOf(p).getByRole('region', { name: 'Not saved in GHL' });
    const { date } = await dueInput(p, 10, '09:00');
    async function addTask(title: string) {
      await tasks.getByRole('button', { name: 'Add task', exact: true }).click();
      const form = tasks.getByRole('form', { name: 'New task' });
      await form.getByRole('textbox', { name: 'Title' }).fill(title);
      await typeDate(form.getByLabel('Due date'), date);
      await form.getByRole('button', { name: 'Save task' }).click();
    }

    await addTask('Send the renewal proposal');
    const row = rowWith(tasks, 'Send the renewal proposal');
    await expect.poll(() => row.textContent(), SENT).toContain('Saving…');
    await expect.poll(() => row.count(), SENT).toBe(0);
    const failed = rowWith(rolledBack, 'Create task ‘Send the renewal proposal’');
    await expect
      .poll(() => failed.textContent(), SENT)
      .toContain('The contact no longer exists in GHL, so the change was not made.');
    await failed
      .getByRole('button', { name: 'Retry: Create task ‘Send the renewal proposal’' })
      .waitFor();
    await shot(p, 'rolled-back', rolledBack);

    await failed
      .getByRole('button', { name: 'Discard “Create task ‘Send the renewal proposal’”' })
      .click();
    await failed.getByRole('button', { name: 'Yes, discard' }).click();
    await expect.poll(() => rolledBack.count(), SENT).toBe(0);
    expect(await jobs()).toEqual([]);
    expect(ghlTasks(browser, ANA.contactId)).toEqual([]);
    expect(received(browser, ENDPOINT.createTask)).toBe(1);

    // Again, and this time the contact comes back in GHL (the Sandbox reseeded) before Retry.
    await addTask('Book the renewal call');
    const second = rowWith(rolledBack, 'Create task ‘Book the renewal call’');
    await second
      .getByRole('button', { name: 'Retry: Create task ‘Book the renewal call’' })
      .waitFor({ timeout: SENT.timeout });
    await ghl('reset', {});
    await second
      .getByRole('button', { name: 'Retry: Create task ‘Book the renewal call’' })
      .click();
    const booked = () =>
      ghlTasks(browser, ANA.contactId).filter((t) => t.title === 'Book the renewal call');
    await expect.poll(() => booked().length, SENT).toBe(1);
    await expect.poll(() => rolledBack.count(), SENT).toBe(0);
    await rowWith(tasks, 'Book the renewal call').waitFor();
    await p.waitForTimeout(1_000);
    expect(booked()).toHaveLength(1);
  });

  it('shows markup from GHL as text, never as elements', async () => {
    const dialogs: string[] = [];
    const p = (page = await openTranscript(browser, 'tr-charlie'));
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const panel = panelOf(p);
    await panel.getByRole('searchbox', { name: 'Search GHL contacts' }).fill('Markup');
    await panel
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: `Link ${HOSTILE_NAME}`, exact: true })
      .click();
    await panel.getByRole('heading', { name: HOSTILE_NAME, level: 2, exact: true }).waitFor();

    const task = rowWith(tasksOf(p), 'onerror');
    await expect
      .poll(() => task.locator('.task__title').textContent(), SENT)
      .toBe('<img src=x onerror=alert(1)>');
    const notes = notesOf(p).getByRole('list', { name: 'Notes' });
    await expect
      .poll(() => notes.textContent(), SENT)
      .toContain('<script>document.body.remove()</script> Please check the quote.');
    expect(await notes.textContent()).toContain(
      '<img src=x onerror=alert(1)> Client pasted this from an email.',
    );
    expect(await notes.textContent()).toContain('<b>Key quote</b>');
    const injected = await p.evaluate(() => {
      const root = document.querySelector('ghl-trint-panel')!.shadowRoot!;
      return root.querySelectorAll('img, script, b').length;
    });
    expect(injected).toBe(0);
    expect(await p.evaluate(() => document.body !== null)).toBe(true);
    await shot(p, 'hostile', tasksOf(p));
    expect(dialogs, 'dialogs the page opened').toEqual([]);
    expect(ghlTasks(browser, HOSTILE_ID)[0]?.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('offline: says so, keeps a new task pending, and sends it once when back online', async () => {
    const p = await openJane();
    const panel = panelOf(p);
    await goOffline(browser);
    try {
      await expect.poll(() => panel.textContent()).toContain('You are offline.');
      const tasks = tasksOf(p);
      await tasks.getByRole('button', { name: 'Add task', exact: true }).click();
      const form = tasks.getByRole('form', { name: 'New task' });
      const { date } = await dueInput(p, 5, '10:00');
      await form.getByRole('textbox', { name: 'Title' }).fill('Send the offline recap');
      await typeDate(form.getByLabel('Due date'), date);
      await form.getByRole('button', { name: 'Save task' }).click();
      const row = rowWith(tasks, 'Send the offline recap');
      await expect.poll(() => row.textContent(), SENT).toContain('Saving…');
      await shot(p, 'offline-pending', row);
      await p.waitForTimeout(3_000);
      expect(await row.textContent()).toContain('Saving…');
      expect(
        ghlTasks(browser, JANE_ID).filter((t) => t.title === 'Send the offline recap'),
      ).toEqual([]);
    } finally {
      await goOnline(browser);
    }
    const sent = () =>
      ghlTasks(browser, JANE_ID).filter((t) => t.title === 'Send the offline recap').length;
    await expect.poll(sent, { timeout: 50_000, interval: 500 }).toBe(1);
    const row = rowWith(tasksOf(p), 'Send the offline recap');
    await expect.poll(() => row.textContent(), SENT).not.toContain('Saving…');
    expect(await panel.textContent()).not.toContain('You are offline.');
    await p.waitForTimeout(2_000);
    expect(sent()).toBe(1);
    expect(received(browser, ENDPOINT.createTask)).toBe(1);
    await shot(p, 'back-online', row);
  }, 90_000);
});
