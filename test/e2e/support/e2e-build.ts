import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PANEL_SHADOW_MARKER } from '../../../entrypoints/trint.content/shadow-mode';
import { CHROME_BUILD, CHROME_E2E_BUILD, FIREFOX_BUILD, FIREFOX_E2E_BUILD } from './paths';

/** The content script's bundle inside a build, the one file the test copy changes. */
const CONTENT_SCRIPT = 'content-scripts/trint.js';
/** What the marker reads in the test copy (shadow-mode.ts reads the mode from it). */
const OPEN_MARKER = PANEL_SHADOW_MARKER.replace(/:closed$/, ':open');

/**
 * Makes `to` a copy of the production build `from` in which the panel's shadow root is open, so
 * the e2e tests can reach inside it (Playwright's and Puppeteer's locators go through open shadow
 * roots only). Exactly one thing differs: the marker string of shadow-mode.ts, in the content
 * script. It throws when the marker is not found exactly once, so a build that changed how it
 * keeps the string fails loudly instead of testing a closed panel or a wrong copy. No second
 * build: the copy takes milliseconds.
 */
export function deriveE2eBuild(from: string, to: string): string {
  const script = readFileSync(`${from}/${CONTENT_SCRIPT}`, 'utf8');
  const found = script.split(PANEL_SHADOW_MARKER).length - 1;
  if (found !== 1) {
    throw new Error(
      `${from}/${CONTENT_SCRIPT} holds the shadow-mode marker ${found} times, not once: ` +
        'cannot derive the e2e copy of the build (entrypoints/trint.content/shadow-mode.ts).',
    );
  }
  // Written beside, then renamed: a browser never loads a half-copied folder.
  const partial = `${to}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(from, partial, { recursive: true });
  writeFileSync(`${partial}/${CONTENT_SCRIPT}`, script.replace(PANEL_SHADOW_MARKER, OPEN_MARKER));
  rmSync(to, { recursive: true, force: true });
  renameSync(partial, to);
  return to;
}

const derived = new Map<string, string>();

/** Derives the e2e copy of `from` once per process (the build does not change during a run). */
function once(from: string, to: string): string {
  if (!existsSync(`${from}/manifest.json`)) {
    throw new Error(`No production build in ${from}: run npm run build (or build:firefox).`);
  }
  const dir = derived.get(to) ?? deriveE2eBuild(from, to);
  derived.set(to, dir);
  return dir;
}

/** The Chrome build with an open panel shadow root, what the e2e tests load by default. */
export const chromeE2eBuild = () => once(CHROME_BUILD, CHROME_E2E_BUILD);
/** The Firefox build with an open panel shadow root, what the e2e tests load by default. */
export const firefoxE2eBuild = () => once(FIREFOX_BUILD, FIREFOX_E2E_BUILD);
