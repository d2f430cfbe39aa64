// `npm run demo`: builds the extension and opens Chromium with it on a Trint look-alike
// transcript, then walks through what the extension does today. With a display the window stays
// open for you to explore; without one (CI, SSH) it runs headless and saves a screenshot of each
// step. Nothing reaches the internet: Trint is served locally, other hosts are blocked.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchChromiumWithExtension } from '../test/e2e/support/chromium';
import { ROOT } from '../test/e2e/support/paths';

const OUT = `${ROOT}demo-output`;
const headless = !process.env.DISPLAY || process.env.CI === 'true';

execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });
const browser = await launchChromiumWithExtension({ headless });
const page = await browser.context.newPage();
const panelId = page
  .getByRole('complementary', { name: 'GHL for Trint' })
  .getByTestId('transcript-id');

/** One step of the tour: do it, wait for the panel to agree, save what a person would see. */
async function step(
  number: number,
  what: string,
  act: () => Promise<unknown>,
  expectId: string | null,
) {
  await act();
  if (expectId) await panelId.filter({ hasText: expectId }).waitFor();
  else await page.locator('ghl-trint-panel').waitFor({ state: 'detached' });
  const file = `${OUT}/${String(number).padStart(2, '0')}-${what.toLowerCase().replace(/\W+/g, '-')}.png`;
  await page.screenshot({ path: file });
  console.log(`  ${number}. ${what}${headless ? ` → ${file}` : ''}`);
}

console.log('\nGHL for Trint demo (Trint look-alike, no network):');
// The popup, opened as a tab: connect to the built-in Sandbox GHL (demo data, no account).
const popup = await browser.context.newPage();
await popup.goto(browser.extensionUrl('popup.html'));
await popup.getByRole('button', { name: /Use the Sandbox/ }).click();
await popup.getByRole('heading', { name: /Sandbox mode/ }).waitFor();
await popup.locator('main').screenshot({ path: `${OUT}/00-connect-the-sandbox.png` });
console.log(
  `  0. Connect the Sandbox from the popup${headless ? ` → ${OUT}/00-connect-the-sandbox.png` : ''}`,
);
await page.bringToFront();
await step(
  1,
  'Open a transcript',
  () => page.goto('https://app.trint.com/editor/tr-alpha'),
  'tr-alpha',
);
const next = () => page.getByRole('link', { name: 'Next transcript' }).click();
await step(2, 'Move to the next transcript without a reload', next, 'tr-bravo');
await step(
  3,
  'Go to the file list, where the panel steps aside',
  () => page.getByRole('link', { name: 'All files' }).click(),
  null,
);
await step(
  4,
  'Open a transcript from the list',
  () => page.getByRole('link', { name: /Hank Scorpio/ }).click(),
  'tr-charlie',
);
console.log(
  '\nThe panel reads the transcript from the page and follows Trint’s navigation, and shows\n' +
    'the Sandbox marker. The GHL contact, tasks and notes arrive with the full panel\n' +
    '(see README.md).',
);

if (headless) {
  console.log(`\nScreenshots are in ${OUT}`);
  await browser.close();
} else {
  console.log('\nThe browser stays open: close its window to end the demo.');
  await new Promise((resolve) => browser.context.on('close', resolve));
}
