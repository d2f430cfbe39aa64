import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The production builds the e2e tests load (`npm run build`, `npm run build:firefox`). */
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const FIREFOX_BUILD = `${ROOT}.output/firefox-mv3`;
/** Where tests write screenshots and logs for a person to look at. */
export const RESULTS = `${ROOT}test-results`;
