import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourcesRebuildProblems, type Exec } from '../../scripts/release/sources-rebuild';
import { FIREFOX_BUILD, ROOT } from './support/paths';

const { name, version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  name: string;
  version: string;
};
const SOURCES_ZIP = `${ROOT}.output/${name}-${version}-sources.zip`;
/**
 * The environment of a release run, not of this test: Vitest sets NODE_ENV=test, under which Vite
 * makes a development build (with the source files' absolute paths in it), which would differ
 * from folder to folder.
 */
const env = { ...process.env };
delete env.NODE_ENV;
const exec: Exec = (command, args, cwd) => {
  execFileSync(command, [...args], { cwd, stdio: 'inherit', env });
};

// Issue 21: AMO's reviewers rebuild the add-on from the sources zip and compare. This is the
// release's own check (scripts/release/sources-rebuild.ts) on a fresh `wxt zip -b firefox`:
// unzip into an empty folder, build Firefox there, compare with the build that was zipped, file
// by file. One difference from `npm run release`: the dependencies are this checkout's
// node_modules, linked in, not a fresh `npm ci` (minutes and the registry on every test run); the
// release itself runs `npm ci`.
describe('the Firefox sources zip', () => {
  it('rebuilds exactly the files of the Firefox build', () => {
    exec('npx', ['--no-install', 'wxt', 'zip', '-b', 'firefox'], ROOT);
    expect(existsSync(SOURCES_ZIP), SOURCES_ZIP).toBe(true);
    const listing = execFileSync('unzip', ['-Z1', SOURCES_ZIP], { encoding: 'utf8' }).split('\n');
    // What a reviewer needs, and nothing built or private.
    expect(listing).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'PRIVACY.md', 'wxt.config.ts']),
    );
    for (const left of [
      'node_modules/',
      '.output/',
      'test/fixtures/releases/',
      'store/screenshots/',
    ]) {
      expect(
        listing.filter((file) => file.startsWith(left)),
        left,
      ).toEqual([]);
    }
    expect(
      sourcesRebuildProblems({
        sourcesZip: SOURCES_ZIP,
        builtDir: FIREFOX_BUILD,
        install: { kind: 'reuse', nodeModules: `${ROOT}node_modules` },
        exec,
      }),
    ).toEqual([]);
  }, 400_000);
});
