import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The release the upgrade tests start from (test/fixtures/releases/README.md says how it was made). */
export const PREVIOUS_RELEASE = '0.1.0';

/** The committed zip of a release's build for one browser. */
export function releaseZip(version: string, target: 'chrome-mv3' | 'firefox-mv3'): string {
  return `${ROOT}test/fixtures/releases/${version}/${target}.zip`;
}

/**
 * A folder that holds one unpacked build at a time, as a person's installed extension does: the
 * earlier release first, then {@link InstallFolder.replaceWith} swaps its files for another build
 * in place, so the browser keeps the extension's id (Chromium derives an unpacked extension's id
 * from its path) and its profile data.
 */
export interface InstallFolder {
  dir: string;
  /** The version in the folder's manifest.json. */
  version(): string;
  /** Deletes every file of the folder and copies `buildDir`'s files in. */
  replaceWith(buildDir: string): void;
  remove(): void;
}

/** Unzips a committed release build into a new temporary folder (needs `unzip`, as CI installs). */
export function installRelease(
  version: string,
  target: 'chrome-mv3' | 'firefox-mv3',
): InstallFolder {
  const zip = releaseZip(version, target);
  if (!existsSync(zip)) throw new Error(`No build of release ${version} at ${zip}`);
  const dir = mkdtempSync(join(tmpdir(), `ghl-trint-${target}-`));
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return {
    dir,
    version: () =>
      (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version,
    replaceWith(buildDir) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(buildDir, dir, { recursive: true });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
