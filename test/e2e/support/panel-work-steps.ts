import { expect } from 'vitest';
import type { Locator, Page, Route } from 'playwright-core';
import type { SandboxNote, SandboxTask } from '../../../sandbox/sandbox-records';
import { sandboxControl } from '../../support/sandbox-control';
import type { ExtensionChromium } from './chromium';
import { isGhlUrl } from './ghl-sandbox-route';
import { ask } from './extension-pages';
import { openTranscript, panelOf } from './panel-session';
import { RESULTS } from './paths';
import { dateKeys, READ_FIELD_LOCALE, timeKeys } from './trusted-typing';
import { FRESH_ENOUGH_MS } from '../../../entrypoints/background/refresh-gate';

/** The Sandbox GHL's endpoints these tests count, as its counters name them. */
export const ENDPOINT = {
  createTask: 'POST /contacts/:contactId/tasks',
  updateTask: 'PUT /contacts/:contactId/tasks/:taskId',
  completeTask: 'PUT /contacts/:contactId/tasks/:taskId/completed',
  deleteTask: 'DELETE /contacts/:contactId/tasks/:taskId',
  createNote: 'POST /contacts/:contactId/notes',
  updateNote: 'PUT /contacts/:contactId/notes/:id',
  deleteNote: 'DELETE /contacts/:contactId/notes/:id',
} as const;

/** Long enough for the outbox to send a write, and for the panel to hear it was done. */
export const SENT = { timeout: 15_000, interval: 200 };

/** A contact's tasks as GHL (the Sandbox) holds them now. */
export function ghlTasks(browser: ExtensionChromium, contactId: string): SandboxTask[] {
  return [...browser.ghl.state.data.tasks.values()].filter((t) => t.contactId === contactId);
}

/** A contact's notes as GHL (the Sandbox) holds them now. */
export function ghlNotes(browser: ExtensionChromium, contactId: string): SandboxNote[] {
  return [...browser.ghl.state.data.notes.values()].filter((n) => n.contactId === contactId);
}

/** How many requests to `endpoint` GHL received since the counters were last reset. */
export function received(browser: ExtensionChromium, endpoint: string): number {
  return browser.ghl.state.counters.byEndpoint[endpoint] ?? 0;
}

/** Adds a task in GHL as a person working in GHL would (the control API), due in `days`. */
export async function taskInGhl(
  browser: ExtensionChromium,
  contactId: string,
  title: string,
  days = 7,
): Promise<SandboxTask> {
  const dueDate = new Date(Date.now() + days * 86_400_000).toISOString();
  const { task } = await sandboxControl<{ task: SandboxTask }>(
    browser.ghl,
    `contacts/${contactId}/tasks`,
    { title, dueDate },
  );
  return task;
}

/**
 * Links the transcript to the contact (as the popup may), opens it in a fresh tab and waits until
 * the panel shows the contact and its panel-open refresh from GHL has landed in the cache, so
 * what GHL holds is what the panel lists. The tab opens once the link's own read is
 * FRESH_ENOUGH_MS old: sooner, opening would rightly not read GHL again (refresh-gate.ts), and
 * whether it did would depend on the machine's speed.
 */
export async function openLinked(
  browser: ExtensionChromium,
  popup: Page,
  link: { transcriptId: string; contactId: string; name: string },
): Promise<Page> {
  await ask(popup, 'link/set', { transcriptId: link.transcriptId, contactId: link.contactId });
  const linkedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, linkedAt + FRESH_ENOUGH_MS - Date.now()));
  const opened = Date.now();
  const page = await openTranscript(browser, link.transcriptId);
  await panelOf(page).getByRole('heading', { name: link.name, level: 2, exact: true }).waitFor();
  const syncedAt = async () =>
    (await ask<{ syncedAt?: number }>(popup, 'transcript/get', { transcriptId: link.transcriptId }))
      .syncedAt ?? 0;
  await expect.poll(syncedAt, SENT).toBeGreaterThanOrEqual(opened);
  return page;
}

/** The panel's Tasks section. */
export const tasksOf = (page: Page): Locator =>
  panelOf(page).getByRole('region', { name: 'Tasks', exact: true });
/** The panel's Notes section. */
export const notesOf = (page: Page): Locator =>
  panelOf(page).getByRole('region', { name: 'Notes', exact: true });

/** The row of a list that shows `text` (a task's title, a note's text). */
export const rowWith = (list: Locator, text: string): Locator =>
  list.getByRole('listitem').filter({ hasText: text });

/** The text of every row of a list, in the order a person reads them. */
export const rowTexts = (list: Locator): Promise<string[]> =>
  list.getByRole('listitem').allTextContents();

/** How the panel writes a date and time: the person's locale and time zone (panel-dates.ts). */
export function readableDayTime(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (at) =>
      new Date(at).toLocaleString(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
    iso,
  );
}

/**
 * A day `days` from now as the date input takes it ("2026-12-15"), and the ISO instant GHL
 * should store for it at `time` in the browser's time zone.
 */
export async function dueInput(page: Page, days: number, time: string) {
  return page.evaluate(
    ([inDays, at]) => {
      const day = new Date(Date.now() + inDays * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
      return { date, iso: new Date(`${date}T${at}`).toISOString() };
    },
    [days, time] as const,
  );
}

/** Shows `focus` (when given) and saves a screenshot of the page as panel-work-<name>.png. */
export async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  // Best effort: a row may be redrawn (pending, then settled) while it is scrolled to.
  await focus?.scrollIntoViewIfNeeded({ timeout: 1_000 }).catch(() => {});
  await page.screenshot({ path: `${RESULTS}/panel-work-${name}.png` });
}

/** The browser's answer to any request while offline. */
const cutOff = (route: Route) => route.abort('internetdisconnected');
const toGhl = (url: URL) => isGhlUrl(url);

/**
 * Takes the browser offline as a person's network drop would. `setOffline` alone turns
 * `navigator.onLine` false everywhere, but Playwright still hands the service worker's requests
 * to the routes (measured: a fetch from the worker reached the Sandbox while "offline"), so GHL's
 * host is also cut off the way Chromium fails requests without a network.
 */
export async function goOffline(browser: ExtensionChromium): Promise<void> {
  await browser.context.route(toGhl, cutOff);
  await browser.context.setOffline(true);
}

/** Undoes {@link goOffline}. */
export async function goOnline(browser: ExtensionChromium): Promise<void> {
  await browser.context.setOffline(false);
  await browser.context.unroute(toGhl, cutOff);
}

/** Types a date ("2026-12-15") into a date input with the keyboard (see trusted-typing.ts). */
export async function typeDate(field: Locator, date: string): Promise<void> {
  const locale = await field.evaluate(READ_FIELD_LOCALE);
  await field.focus();
  await field.page().keyboard.type(dateKeys(date, locale));
}

/** Types a time ("14:30") into a time input with the keyboard (see trusted-typing.ts). */
export async function typeTime(field: Locator, time: string): Promise<void> {
  const locale = await field.evaluate(READ_FIELD_LOCALE);
  await field.focus();
  await field.page().keyboard.type(timeKeys(time, locale));
}

/**
 * Chooses the option labelled `label` of a closed select with the keyboard (its type-ahead), as
 * a person does: the driver's selectOption sets it by script (see trusted-typing.ts).
 */
export async function chooseOption(select: Locator, label: string): Promise<void> {
  await select.focus();
  await select.page().keyboard.type(label);
}
