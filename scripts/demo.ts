// `npm run demo`: builds the extension, opens Chromium with it on a Trint look-alike, connects
// the built-in Sandbox GHL (made-up data kept inside the extension, no account) and walks through
// the panel with Jane Doe already linked to a transcript: her card, tasks, notes, appointments and
// activity; a task added and one completed; a quote saved as a note; an unlinked transcript's
// suggestions; the file list's marker; the panel collapsed. With a display the window stays open
// for you to explore; without one (CI, SSH, or `--headless`) it saves a screenshot of each step to
// demo-output/. Nothing reaches the internet: Trint is served locally, other hosts are blocked.
// Every step waits for what a person should see, and stops the demo (exit 1) when it never shows.
import { execFileSync } from 'node:child_process';
import { launchChromiumWithExtension } from '../test/e2e/support/chromium';
import { ask } from '../test/e2e/support/extension-pages';
import { editorUrl, JANE_ID, panelOf } from '../test/e2e/support/panel-session';
import { typeDate } from '../test/e2e/support/panel-work-steps';
import { ROOT } from '../test/e2e/support/paths';
import {
  createTour,
  demoOptions,
  endDemo,
  localDay,
  prepareOutput,
  see,
  seeEnabled,
  selectText,
  stopDemo,
} from './demo-steps';

const options = demoOptions(process.argv.slice(2), process.env);
const NEW_TASK = 'Send the pilot proposal';
const OVERDUE_TASK = 'Send pilot pricing';
const QUOTE = 'Right now every interview is transcribed and then copied into the CRM.';
const NOTE_TITLE = 'From Trint: Discovery call with Acme Corp';

if (options.build)
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
prepareOutput(options);
const browser = await launchChromiumWithExtension({ headless: options.headless });
const step = createTour(options);

try {
  console.log('\nGHL for Trint demo (Trint look-alike, Sandbox GHL, no network):');
  // The toolbar popup, opened as a tab (a script cannot click the toolbar button).
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  await step(
    popup,
    { what: 'Connect the Sandbox from the popup', element: popup.locator('main') },
    async () => {
      await popup.getByRole('button', { name: /Use the Sandbox/ }).click();
      await see(
        '“Sandbox mode” in the popup',
        popup.getByRole('heading', { name: /Sandbox mode/ }),
      );
      // A person links from the panel (step 5 shows how); here it is done before they first look.
      await ask(popup, 'link/set', { transcriptId: 'tr-alpha', contactId: JANE_ID });
    },
  );

  const page = await browser.context.newPage();
  if (options.headless) await page.setViewportSize({ width: 1280, height: 1000 });
  const panel = panelOf(page);
  const openTasks = panel.getByRole('list', { name: 'Open tasks' });
  const doneTasks = panel.getByRole('list', { name: 'Completed tasks' });
  const tasksSection = panel.getByRole('region', { name: 'Tasks', exact: true });
  const task = (verb: string, title: string) =>
    panel.getByRole('button', { name: `${verb} task ‘${title}’`, exact: true });

  await step(
    page,
    {
      what: 'Jane Doe, linked to “Discovery call with Acme Corp”',
      whole: panel.locator('.panel__scroll'),
    },
    async () => {
      await page.goto(editorUrl('tr-alpha'));
      await see('Jane Doe’s card', panel.getByRole('heading', { name: 'Jane Doe', level: 2 }));
      const overdue = openTasks.getByRole('listitem').filter({ hasText: OVERDUE_TASK });
      await see(`“${OVERDUE_TASK}” marked overdue`, overdue.getByText('Overdue', { exact: true }));
      await see('her pinned note', panel.getByText('Discovery call summary'));
      await see('her appointments', panel.getByRole('list', { name: 'Upcoming appointments' }));
      await see('the activity', panel.getByRole('list', { name: 'Activity' }));
    },
  );

  const addTask = `Add the task “${NEW_TASK}”, due in 2 days`;
  await step(page, { what: addTask, focus: tasksSection }, async () => {
    await tasksSection.getByRole('button', { name: 'Add task', exact: true }).click();
    const form = panel.getByRole('form', { name: 'New task' });
    await form.getByLabel('Title').fill(NEW_TASK);
    // Typed as a person types: the panel ignores the scripted events `fill` makes for dates.
    await typeDate(form.getByLabel('Due date'), localDay(2));
    await form.getByRole('button', { name: 'Save task' }).click();
    // A new task's buttons wait for GHL's answer (its id): enabled means GHL has it.
    await seeEnabled(`“${NEW_TASK}” saved in GHL`, task('Complete', NEW_TASK));
  });

  const complete = `Complete the overdue task “${OVERDUE_TASK}”`;
  await step(page, { what: complete, focus: tasksSection }, async () => {
    await task('Complete', OVERDUE_TASK).click();
    await seeEnabled(
      `“${OVERDUE_TASK}” completed`,
      doneTasks.getByRole('button', { name: `Reopen task ‘${OVERDUE_TASK}’` }),
    );
  });

  const noteEdit = panel.getByRole('button', { name: `Edit note ‘${NOTE_TITLE}’` });
  const saveNote = 'Save a sentence of the transcript as a note';
  await step(
    page,
    { what: saveNote, focus: panel.getByRole('region', { name: 'Notes' }) },
    async () => {
      await selectText(page, QUOTE);
      const save = panel.getByRole('button', { name: 'Save selection as note' });
      await seeEnabled('“Save selection as note” take the selection', save);
      await save.click();
      await see(
        'the quote among the notes',
        panel.getByRole('listitem').filter({ hasText: QUOTE }),
      );
      await seeEnabled('the note saved in GHL', noteEdit);
    },
  );

  const logIt = 'Log this transcript to GHL: one note with its title, link, speakers and quote';
  await step(
    page,
    { what: logIt, focus: panel.getByRole('region', { name: 'Activity', exact: true }) },
    async () => {
      const quick = panel.getByRole('group', { name: 'Quick actions' });
      await quick.getByRole('button', { name: 'Log transcript' }).click();
      await see(
        'the log on the transcript’s timeline',
        panel.getByRole('list', { name: 'Activity' }).getByText(/^Transcript logged to GHL/),
      );
    },
  );

  const next = 'Next transcript: not linked yet, with suggestions from its speakers';
  await step(page, { what: next }, async () => {
    await page.getByRole('link', { name: 'Next transcript' }).click();
    const suggested = panel.getByRole('list', { name: 'Suggested contacts' });
    await see('“Link a GHL contact”', panel.getByRole('heading', { name: 'Link a GHL contact' }));
    await see('Ana Ruiz suggested', suggested.getByRole('button', { name: 'Link Ana Ruiz' }));
    await see('Omar Haddad suggested', suggested.getByRole('button', { name: 'Link Omar Haddad' }));
  });

  const files = 'All files: the GHL marker on the linked transcript';
  await step(page, { what: files }, async () => {
    await page.getByRole('link', { name: 'All files' }).click();
    // The marker names no contact: it is in Trint's page, where Trint's own scripts read it.
    await see('the marker “Linked to GHL”', page.getByRole('img', { name: 'Linked to GHL' }));
  });

  await step(page, { what: 'Collapse the panel beside the transcript' }, async () => {
    await page.getByRole('link', { name: 'Discovery call with Acme Corp' }).click();
    await panel.getByRole('button', { name: 'Hide the GHL for Trint panel' }).click();
    await see(
      'the collapsed tab',
      panel.getByRole('button', { name: 'Show the GHL for Trint panel' }),
    );
  });

  await endDemo(browser, options);
} catch (error) {
  await stopDemo(browser, options, error);
}
