// `npm run store:screenshots`: the stores' screenshots (1280×800 PNG), made from the production
// build the way the demo shows it (scripts/demo.ts): Chromium, the Trint look-alike, the built-in
// Sandbox GHL, no network. Run it again whenever the UI changes; it replaces the four files in
// store/screenshots/ (or `--out=<dir>`):
//   1-panel-on-transcript.png  the panel beside a transcript, linked to its contact
//   2-popup.png                the toolbar popup, connected, with the sync's status
//   3-mapping-preview.png      the field mapping editor with its preview
//   4-dashboard.png            the dashboard of linked transcripts
// `--no-build` uses the build already in .output/. Each shot waits for what it must show, and the
// script stops (exit 1) naming what never showed.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../test/e2e/support/chromium';
import { ask } from '../test/e2e/support/extension-pages';
import { editorUrl, JANE_ID, panelOf } from '../test/e2e/support/panel-session';
import { ROOT } from '../test/e2e/support/paths';
import { see } from './demo-steps';

/** The size every store takes (Chrome, AMO and Edge all accept 1280×800). */
const SIZE = { width: 1280, height: 800 };
const OMAR_ID = 'sbxContOmarHaddad003';

const argv = process.argv.slice(2);
const unknown = argv.filter((arg) => arg !== '--no-build' && !arg.startsWith('--out='));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Known: --no-build, --out=<dir>.`);
  process.exit(2);
}
const out = resolve(
  argv.find((arg) => arg.startsWith('--out='))?.slice(6) ?? `${ROOT}store/screenshots`,
);
if (!argv.includes('--no-build')) {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(out, { recursive: true });

const browser = await launchChromiumWithExtension({ headless: true });
/** A tab at the stores' size. */
async function tab(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(url);
  return page;
}
async function shot(page: Page, name: string) {
  const path = `${out}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  console.log(`  ${path}`);
}

try {
  console.log('Store screenshots (Trint look-alike, Sandbox GHL, no network):');
  const popup = await tab(browser.extensionUrl('popup.html'));
  await popup.getByRole('button', { name: /Use the Sandbox/ }).click();
  await see('“Sandbox mode” in the popup', popup.getByRole('heading', { name: /Sandbox mode/ }));
  // Two linked transcripts, as a person who has used it for a while has.
  await ask(popup, 'link/set', { transcriptId: 'tr-alpha', contactId: JANE_ID });
  await ask(popup, 'link/set', { transcriptId: 'tr-bravo', contactId: OMAR_ID });

  // Each transcript seen once, so the dashboard knows its title.
  const transcript = await tab(editorUrl('tr-bravo'));
  const panel = panelOf(transcript);
  await see('Omar Haddad’s card', panel.getByRole('heading', { name: 'Omar Haddad', level: 2 }));
  await transcript.goto(editorUrl('tr-alpha'));
  await see('Jane Doe’s card', panel.getByRole('heading', { name: 'Jane Doe', level: 2 }));
  await see('her tasks', panel.getByRole('list', { name: 'Open tasks' }));
  await shot(transcript, '1-panel-on-transcript');

  // The popup is a narrow page: shown at its size in the middle of the frame, on the extension's
  // own muted background, as it appears below the toolbar button.
  await popup.bringToFront();
  await popup.reload();
  await see('the sync’s status', popup.getByRole('region', { name: 'Sync', exact: true }));
  await popup.addStyleTag({
    content: `html { background: #e8ebf0; min-height: 100%; }
      body { width: 380px; margin: 48px auto; background: #fff; border-radius: 8px;
        box-shadow: 0 8px 32px rgb(0 0 0 / 0.18); overflow: hidden; }`,
  });
  await shot(popup, '2-popup');

  const settings = await tab(browser.extensionUrl('options.html'));
  const dashboard = settings.getByRole('region', { name: 'Dashboard' });
  await see('both linked transcripts', dashboard.getByRole('link', { name: /Discovery call/ }));
  await shot(settings, '4-dashboard');

  const editor = settings.getByRole('region', { name: 'Field mapping' });
  const rule = (n: number) => editor.getByRole('group', { name: new RegExp(`^Rule ${n}:`) });
  await see('the mapping’s rules', rule(1));
  await rule(3).getByRole('combobox', { name: 'Trint transcript field' }).selectOption({
    label: 'Custom label…',
  });
  await rule(3).getByRole('textbox', { name: 'Custom label' }).fill('Work email');
  await editor.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = editor.locator('.mapping-preview');
  await see('the preview', preview.getByRole('table').first());
  await preview.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  await shot(settings, '3-mapping-preview');

  if (browser.unrouted.length > 0) {
    throw new Error(`requests left for the internet: ${browser.unrouted.join(', ')}`);
  }
  await browser.close();
} catch (error) {
  console.error(`Store screenshots stopped: ${error instanceof Error ? error.message : error}`);
  await browser.close();
  process.exit(1);
}
