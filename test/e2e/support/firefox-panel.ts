import type { Page } from 'puppeteer-core';
import type { SandboxTask } from '../../../sandbox/sandbox-records';
import { SANDBOX_DB_NAME } from '../../../sandbox/sandbox-store';
import { RESULTS } from './paths';
import { dateKeys, READ_FIELD_LOCALE } from './trusted-typing';

/** The part of `browser` the tests call in an extension page. */
declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * A puppeteer selector for an element by role and accessible name, as a person finds it. Names
 * may hold parentheses and curly quotes, not straight double quotes (the ARIA selector's syntax).
 */
export function byRole(role: string, name: string): string {
  if (name.includes('"')) throw new Error(`byRole cannot name ${name}: it holds a double quote.`);
  return `::-p-aria([name="${name}"][role="${role}"])`;
}

/**
 * The panel: the complementary region "GHL for Trint". Firefox's BiDi accessibility locator never
 * walks into a shadow root, so the search starts inside the content script's shadow host (`>>>`);
 * within the panel the role queries work, its tree holding no other shadow root.
 */
export const PANEL = `ghl-trint-panel >>> ${byRole('complementary', 'GHL for Trint')}`;
/** Inside the panel. */
export const inPanel = (selector: string) => `${PANEL} ${selector}`;
/** The panel's Tasks section. */
export const TASKS = inPanel(byRole('region', 'Tasks'));
/** The Tasks section's lists. */
export const OPEN_TASKS = `${TASKS} ${byRole('list', 'Open tasks')}`;
export const COMPLETED_TASKS = `${TASKS} ${byRole('list', 'Completed tasks')}`;

/** The text of the first element the selector finds, or null while there is none. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  const element = await page.$(selector);
  if (!element) return null;
  try {
    return await element.evaluate((el) => el.textContent);
  } finally {
    await element.dispose();
  }
}

/** The text of each row of a list, in reading order (none while the list is absent). */
export async function rowTexts(page: Page, list: string): Promise<string[]> {
  const rows = await page.$$(`${list} li`);
  try {
    return await Promise.all(rows.map((row) => row.evaluate((el) => el.textContent ?? '')));
  } finally {
    await Promise.all(rows.map((row) => row.dispose()));
  }
}

/** A protocol message from an extension page, as the popup and panel send them. */
export async function ask<T>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const answer = (await page.evaluate(
    (t, p) => browser.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload,
  )) as { ok: boolean; value?: T; error?: unknown };
  if (!answer.ok) throw new Error(`${type} was refused: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

/**
 * The tasks the in-extension Sandbox GHL holds, read from the snapshot it stores in the extension
 * origin's IndexedDB after every write (sandbox/extension-sandbox.ts): GHL's side, not the
 * cache. Undefined before its first write. The database is never created here (the upgrade is
 * aborted), so the Sandbox's own `openDB` still makes its store.
 */
export function sandboxTasks(extensionPage: Page): Promise<SandboxTask[] | undefined> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<SandboxTask[] | undefined>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onupgradeneeded = () => opening.transaction?.abort();
        opening.onerror = () =>
          opening.error?.name === 'AbortError' ? resolve(undefined) : reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const read = db.transaction('snapshot').objectStore('snapshot').get('current');
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { tasks?: SandboxTask[] } | undefined)?.tasks);
          };
          read.onerror = () => (db.close(), reject(read.error));
        };
      }),
    SANDBOX_DB_NAME,
  );
}

/**
 * A day `days` from now as the date input takes it ("2026-12-15"), and the ISO instant GHL should
 * store for it at the form's default 09:00 in the browser's time zone.
 */
export function dueInput(page: Page, days: number) {
  return page.evaluate((inDays) => {
    const day = new Date(Date.now() + inDays * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    return { date, iso: new Date(`${date}T09:00`).toISOString() };
  }, days);
}

/** Saves a screenshot of the page as firefox-panel-<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${RESULTS}/firefox-panel-${name}.png` });
}

/** Types a date ("2026-12-15") into the date input `selector` with the keyboard (trusted-typing.ts). */
export async function typeDate(page: Page, selector: string, date: string): Promise<void> {
  const locale = await page.evaluate(READ_FIELD_LOCALE);
  await page.focus(selector);
  await page.keyboard.type(dateKeys(date, locale));
}
