import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The production builds the e2e tests load (`npm run build`, `npm run build:firefox`). */
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const FIREFOX_BUILD = `${ROOT}.output/firefox-mv3`;
/**
 * Copies of the production builds whose panel shadow root is open (e2e-build.ts): what the e2e
 * tests load unless they test the production build itself (the attacker tests).
 */
export const CHROME_E2E_BUILD = `${ROOT}.output/chrome-mv3-e2e`;
export const FIREFOX_E2E_BUILD = `${ROOT}.output/firefox-mv3-e2e`;
/** Where tests write screenshots and logs for a person to look at. */
export const RESULTS = `${ROOT}test-results`;
