import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where to look for one browser, and how to tell a person to install it. */
interface BrowserSearch {
  label: string;
  envVar: string;
  paths: string[];
  namesOnPath: string[];
  install: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser at $envVar, else the first of `paths`, else the first of `namesOnPath` on PATH.
 * A missing browser is an error that says how to install it, never a reason to skip a test.
 */
function findBrowser({ label, envVar, paths, namesOnPath, install }: BrowserSearch): string {
  const fromEnv = process.env[envVar];
  // A path the person chose that does not work is their mistake to hear about, not to paper over
  // with another browser.
  if (fromEnv && !isExecutable(fromEnv)) {
    throw new Error(`${envVar} is set to ${fromEnv}, which is not an executable file.`);
  }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => namesOnPath.map((name) => join(dir, name)));
  const found = fromEnv || [...paths, ...onPath].find(isExecutable);
  if (found) return found;
  throw new Error(
    `${label} was not found. Install it (Debian/Ubuntu: \`${install}\`) or set ${envVar} to its executable.`,
  );
}

/** The Chromium the e2e tests drive: $CHROMIUM_PATH, /usr/bin/chromium, or chromium on PATH. */
export const findChromium = (): string =>
  findBrowser({
    label: 'Chromium',
    envVar: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium'],
    namesOnPath: ['chromium', 'chromium-browser'],
    install: 'sudo apt-get install chromium',
  });

/** The Firefox the e2e tests drive: $FIREFOX_PATH, /usr/bin/firefox-esr, or firefox on PATH. */
export const findFirefox = (): string =>
  findBrowser({
    label: 'Firefox',
    envVar: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr'],
    namesOnPath: ['firefox-esr', 'firefox'],
    install: 'sudo apt-get install firefox-esr',
  });
