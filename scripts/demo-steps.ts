// The machinery of `npm run demo` (scripts/demo.ts): options, the numbered steps with their
// screenshots, and waits that fail with a sentence saying what the person should have seen.
import { mkdirSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionChromium } from '../test/e2e/support/chromium';
import { ROOT } from '../test/e2e/support/paths';

/** Where the headless demo saves its screenshots unless told otherwise (git ignores it). */
const DEFAULT_OUT = `${ROOT}demo-output`;
/** With a window, each step stays on screen this long before the next one starts. */
const HEADED_PAUSE_MS = 1_500;

/** How the demo runs, from the command line and the environment. */
export interface DemoOptions {
  /** No window: without a display, in CI, or with `--headless`. Screenshots are saved then. */
  headless: boolean;
  /** `--no-build` uses the build already in .output/ (`npm test` builds it first). */
  build: boolean;
  /** The screenshots' folder: `--out=<dir>`, else demo-output/. */
  out: string;
}

/** Reads `--headless`, `--no-build` and `--out=<dir>`; exits 2 on anything else (a typo is not ignored). */
export function demoOptions(argv: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const out = argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
  const unknown = argv.filter(
    (arg) => !['--headless', '--no-build'].includes(arg) && !arg.startsWith('--out='),
  );
  if (unknown.length > 0 || out === '') {
    const wrong = unknown.join(' ') || '--out=';
    console.error(`Unknown option ${wrong}. Known: --headless, --no-build, --out=<dir>.`);
    process.exit(2);
  }
  return {
    headless: argv.includes('--headless') || !env.DISPLAY || env.CI === 'true',
    build: !argv.includes('--no-build'),
    out: resolve(out ?? DEFAULT_OUT),
  };
}

/** Screenshots of a headless run go into a clean folder, so none is left from an earlier run. */
export function prepareOutput(options: DemoOptions): void {
  if (!options.headless) return;
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
}

/** Raised by a step whose expected result never showed; the demo exits non-zero with it. */
export class DemoStepError extends Error {}

/**
 * Waits until `check` holds (polled), or throws a {@link DemoStepError} naming `what` — what the
 * person should see — so a broken product stops the demo with a reason, not a hang.
 */
async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new DemoStepError(`never saw ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Waits for an element a person finds by role and name; `what` says it in words. */
export function see(what: string, locator: Locator, timeoutMs?: number): Promise<void> {
  return until(what, () => locator.first().isVisible(), timeoutMs);
}

/** Waits for a control to be visible and usable (a write it waited on has reached GHL). */
export function seeEnabled(what: string, locator: Locator, timeoutMs?: number): Promise<void> {
  return until(
    what,
    async () => (await locator.first().isVisible()) && (await locator.first().isEnabled()),
    timeoutMs,
  );
}

/** One numbered step of the tour. */
export interface Step {
  what: string;
  /** What the screenshot is about, scrolled to the top of its scrolling box (the panel). */
  focus?: Locator;
  /** A scrolling box to show whole: the page grows until it fits, for that screenshot only. */
  whole?: Locator;
  /** Saves only this element instead of the whole page (the popup's card). */
  element?: Locator;
}

/**
 * Runs the tour's steps in order: each does its part, waits for what the person should see,
 * then (headless) saves a screenshot and prints one line. The first step that fails names itself,
 * saves what the page showed then, and stops the demo.
 */
export function createTour(options: DemoOptions) {
  let number = 0;
  return async function step(page: Page, step: Step, act: () => Promise<void>): Promise<void> {
    const file = `${options.out}/${String(number).padStart(2, '0')}-${slug(step.what)}.png`;
    try {
      await page.bringToFront();
      await act();
      await step.focus?.first().evaluate((node) => node.scrollIntoView({ block: 'start' }));
      if (options.headless) await screenshot(page, step, file);
    } catch (error) {
      const failed = file.replace(/\.png$/, '-FAILED.png');
      if (options.headless) await page.screenshot({ path: failed }).catch(() => {});
      const reason = error instanceof Error ? error.message : String(error);
      throw new DemoStepError(`Step ${number} (${step.what}) failed: ${reason}`);
    }
    console.log(`  ${number}. ${step.what}${options.headless ? ` → ${shown(file)}` : ''}`);
    number += 1;
    // With a window, the person watching gets to see each step before the next one.
    if (!options.headless) await page.waitForTimeout(HEADED_PAUSE_MS);
  };
}

/**
 * The end of a tour that went through: fails if anything tried to reach the internet; then,
 * headless, says where the screenshots are and quits; with a window, leaves it open until the
 * person closes it.
 */
export async function endDemo(browser: ExtensionChromium, options: DemoOptions): Promise<void> {
  if (browser.unrouted.length > 0) {
    throw new DemoStepError(`requests left for the internet: ${browser.unrouted.join(', ')}`);
  }
  if (options.headless) {
    console.log(`\nScreenshots are in ${shown(options.out)}/`);
  } else {
    console.log(
      '\nThe browser stays open: the GHL tab at the right edge opens the panel again.' +
        '\nClose the window to end the demo.',
    );
    await new Promise((done) => browser.context.on('close', done));
  }
  await browser.close();
}

/** A step failed: says which and why, closes the browser and exits 1. */
export async function stopDemo(browser: ExtensionChromium, options: DemoOptions, error: unknown) {
  console.error(`\nThe demo stopped. ${error instanceof Error ? error.message : String(error)}`);
  if (options.headless) console.error(`What the page showed is in ${shown(options.out)}/`);
  await browser.close();
  process.exit(1);
}

/** Saves what the step shows: its element, or the page (grown to show `whole` whole). */
async function screenshot(page: Page, { element, whole }: Step, path: string) {
  if (element) return void (await element.screenshot({ path }));
  const size = page.viewportSize();
  const hidden = whole && (await whole.evaluate((node) => node.scrollHeight - node.clientHeight));
  if (!size || !hidden) return void (await page.screenshot({ path }));
  await page.setViewportSize({ width: size.width, height: size.height + hidden });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

/** The day `days` from today in the date input's format (YYYY-MM-DD), in local time. */
export function localDay(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * Selects `sentence` in the transcript as a person dragging over it would leave it: one range
 * over the text, which the page reports through `selectionchange`.
 */
export async function selectText(page: Page, sentence: string): Promise<void> {
  const found = await page.evaluate((text) => {
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = node.textContent?.indexOf(text) ?? -1;
      if (start < 0) continue;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return true;
    }
    return false;
  }, sentence);
  if (!found) throw new DemoStepError(`the transcript has no sentence “${sentence}”`);
}

/** A path as the person can paste it: relative to where they ran the demo when it is below it. */
export function shown(path: string): string {
  const near = relative(process.cwd(), path);
  return near === '' ? '.' : near.startsWith('..') ? path : near;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
