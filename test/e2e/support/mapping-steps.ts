import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { defaultMapping } from '../../../utils/mapping/default-mapping';
import type { FieldMapping } from '../../../utils/mapping/field-mapping';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../utils/storage/sync-settings';
import type { ExtensionChromium } from './chromium';
import { ask } from './extension-pages';
import { panelOf } from './panel-session';
import { RESULTS } from './paths';

/** What `transcript/get` answers, as far as the mapping tests read it. */
export interface RecordView {
  link?: { contactId: string };
  title?: string;
  fields?: Record<string, string>;
  mapped?: { label: string; text: string; onCard: boolean }[];
  syncedAt?: number;
  notes: { id: string }[];
}

/**
 * The sync settings every mapping test starts from: the defaults, with every schedule as slow as
 * it goes, so no scheduled sync sends a GHL request while a test counts them (an open transcript
 * would otherwise be refreshed every 30 s). "Sync now" and linking still read GHL at once.
 */
export const QUIET_SETTINGS: SyncSettings = {
  ...DEFAULT_SYNC_SETTINGS,
  openTabSeconds: 3600,
  recentMinutes: 1440,
  otherMinutes: 10080,
  dormantHours: 168,
};

/**
 * Starts a test from the default mapping and the quiet settings, through an extension page (the
 * mapping through the background, which recomputes the records; the settings in storage, where
 * the options page writes them).
 */
export async function resetMappingAndSettings(extensionPage: Page): Promise<void> {
  await ask(extensionPage, 'mapping/save', { mapping: defaultMapping() });
  await extensionPage.evaluate(
    (settings) => chrome.storage.session.set({ syncSettings: settings }),
    QUIET_SETTINGS,
  );
}

/** The live mapping, as the background reads it. */
export async function liveMapping(extensionPage: Page): Promise<FieldMapping> {
  return (await ask<{ mapping: FieldMapping }>(extensionPage, 'mapping/get')).mapping;
}

/** A transcript's record as the background holds it. */
export function recordOf(extensionPage: Page, transcriptId: string): Promise<RecordView> {
  return ask<RecordView>(extensionPage, 'transcript/get', { transcriptId });
}

/** Opens the options page in a tab wide enough for the dashboard's table. */
export async function openOptions(browser: ExtensionChromium): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(browser.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'GHL for Trint', level: 1 }).waitFor();
  return page;
}

/** The linked contact's card in a Trint tab's panel. */
export const contactCard = (page: Page, name: string): Locator =>
  panelOf(page).getByRole('region', { name: `Contact ${name}`, exact: true });

/** A contact card's facts, label → text, in the card's order. */
export async function cardFacts(card: Locator): Promise<Record<string, string>> {
  const labels = await card.getByRole('term').allTextContents();
  const values = await card.getByRole('definition').allTextContents();
  return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']));
}

/** The labels a contact card lists, in order. */
export const cardLabels = (card: Locator): Promise<string[]> =>
  card.getByRole('term').allTextContents();

/** The n-th rule (from 1) of the mapping editor, whatever its target is called now. */
export const ruleGroup = (editor: Locator, n: number): Locator =>
  editor.getByRole('group', { name: new RegExp(`^Rule ${n}: `) });

/** The names of the editor's rules, in order ("Rule 1: Speaker name", …). */
export async function ruleNames(editor: Locator): Promise<string[]> {
  const legends = await editor.locator('fieldset.mapping-rule__group > legend').allTextContents();
  return legends.map((text) => text.trim());
}

/**
 * A preview table (one transcript's changes) as field → [before, after], "(added)" and the like
 * kept in the field's words, "none" for a side without the field.
 */
export async function diffRows(table: Locator): Promise<Record<string, [string, string]>> {
  const rows = table.locator('tbody tr');
  const out: Record<string, [string, string]> = {};
  for (const row of await rows.all()) {
    const field = (await row.getByRole('rowheader').textContent())?.trim() ?? '';
    const [before, after] = await row.getByRole('cell').allTextContents();
    out[field] = [before ?? '', after ?? ''];
  }
  return out;
}

/**
 * Waits until the browser has sent GHL nothing for `quietMs`: a panel opened or a link made reads
 * GHL once more, and a test counting requests starts after that.
 */
export async function untilGhlQuiet(requests: readonly unknown[], quietMs = 1_500): Promise<void> {
  let seen = -1;
  let since = Date.now();
  await expect
    .poll(
      () => {
        if (requests.length !== seen) {
          seen = requests.length;
          since = Date.now();
        }
        return Date.now() - since >= quietMs;
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
}

/** Saves a screenshot of `target` (a page or one of its parts) as test-results/mapping-<name>.png. */
export async function mappingShot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: `${RESULTS}/mapping-${name}.png` });
}

declare const chrome: { storage: { session: { set(items: object): Promise<void> } } };
