import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first of `candidates`, then of `names` on PATH, that is an executable file. */
function firstExecutable(candidates: (string | undefined)[], names: string[]): string | undefined {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => join(dir, name)));
  return [...candidates, ...onPath].find((path) => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The Chromium the e2e tests drive: $CHROMIUM_PATH, /usr/bin/chromium, or chromium on PATH.
 * A missing browser is an error, never a reason to skip.
 */
export function findChromium(): string {
  const found = firstExecutable(
    [process.env.CHROMIUM_PATH, '/usr/bin/chromium'],
    ['chromium', 'chromium-browser'],
  );
  if (found) return found;
  throw new Error(
    'Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROMIUM_PATH to its executable.',
  );
}

/** The Firefox the e2e tests drive: $FIREFOX_PATH, /usr/bin/firefox-esr, or firefox on PATH. */
export function findFirefox(): string {
  const found = firstExecutable(
    [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'],
    ['firefox-esr', 'firefox'],
  );
  if (found) return found;
  throw new Error(
    'Firefox was not found. Install it (Debian: `sudo apt-get install firefox-esr`) ' +
      'or set FIREFOX_PATH to its executable.',
  );
}
