// `npm run release`: one command from a committed version to the files the stores want.
//   1. checks that package.json's version is new (no git tag) and has a CHANGELOG.md entry;
//   2. runs `npm test`;
//   3. builds and zips Chrome/Edge and Firefox, and Firefox's sources zip (`wxt zip`);
//   4. checks the built manifests' version and the privacy policy they carry;
//   5. runs `web-ext lint` on the Firefox build: 0 errors, every warning explained in
//      store/web-ext-lint-warnings.md;
//   6. unzips the sources zip, installs (`npm ci`), builds Firefox there and compares it with the
//      build being uploaded, file by file;
//   7. writes the zips' SHA-256 sums and prints what to upload where.
// Flags, for trying it out (the output then says it is not for upload):
//   --skip-tests          leave out step 2
//   --reuse-node-modules  step 6 links this checkout's node_modules instead of `npm ci`
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProblems, parseExplainedWarnings, type LintReport } from './release/lint-report';
import { changelogHeading, isUnreleased, versionProblems } from './release/release-checks';
import { sha256, sumsText } from './release/release-files';
import { runReleaseSteps, type ReleaseStep } from './release/release-steps';
import { sourcesRebuildProblems, type Exec } from './release/sources-rebuild';
import { uploadList, type ReleaseFiles } from './release/upload-list';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const flags = new Set(process.argv.slice(2));
for (const flag of flags) {
  if (!['--skip-tests', '--reuse-node-modules'].includes(flag)) {
    console.error(`Unknown flag ${flag}. Flags: --skip-tests, --reuse-node-modules`);
    process.exit(2);
  }
}
const skipTests = flags.has('--skip-tests');
const reuseNodeModules = flags.has('--reuse-node-modules');

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const { name, version } = JSON.parse(read('package.json')) as { name: string; version: string };
const output = (file: string) => join(ROOT, '.output', file);
const files: ReleaseFiles = {
  chromeZip: output(`${name}-${version}-chrome.zip`),
  firefoxZip: output(`${name}-${version}-firefox.zip`),
  sourcesZip: output(`${name}-${version}-sources.zip`),
  sums: output(`${name}-${version}-SHA256SUMS.txt`),
};

/**
 * The commands' environment, without NODE_ENV: Vite builds for development when it is set to
 * anything but production (a shell's NODE_ENV=development would ship a development build, with
 * the machine's file paths in it).
 */
const env = { ...process.env };
delete env.NODE_ENV;
/** Runs a command with its output shown; throws when it fails. */
const run: Exec = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${cwd})`);
};
/** Runs a command and returns its standard output. */
function capture(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env });
  if (result.error) throw result.error;
  return result.stdout;
}

const steps: ReleaseStep[] = [
  {
    name: `version ${version} is new and in CHANGELOG.md`,
    run: () =>
      versionProblems({
        version,
        tags: capture('git', ['tag', '--list']).split('\n').filter(Boolean),
        changelog: read('CHANGELOG.md'),
        uncommitted: capture('git', ['status', '--porcelain']),
        shallow: capture('git', ['rev-parse', '--is-shallow-repository']).trim() === 'true',
      }),
  },
  ...(skipTests
    ? []
    : [{ name: 'npm test', run: () => run('npm', ['test'], ROOT) } satisfies ReleaseStep]),
  {
    name: 'build and zip Chrome/Edge and Firefox (with its sources zip)',
    run() {
      run('npx', ['--no-install', 'wxt', 'zip'], ROOT);
      run('npx', ['--no-install', 'wxt', 'zip', '-b', 'firefox'], ROOT);
    },
  },
  {
    name: 'the builds carry this version and PRIVACY.md',
    run() {
      const problems: string[] = [];
      for (const target of ['chrome-mv3', 'firefox-mv3']) {
        const manifest = JSON.parse(read(`.output/${target}/manifest.json`)) as { version: string };
        if (manifest.version !== version) {
          problems.push(`${target}/manifest.json says ${manifest.version}, not ${version}`);
        }
        if (read(`.output/${target}/privacy.txt`) !== read('PRIVACY.md')) {
          problems.push(`${target}/privacy.txt is not PRIVACY.md`);
        }
      }
      return problems;
    },
  },
  {
    name: 'web-ext lint (Firefox): no errors, every warning explained',
    run() {
      const args = ['--no-install', 'web-ext', 'lint', '--source-dir', output('firefox-mv3')];
      const report = JSON.parse(
        capture('npx', [...args, '--output', 'json', '--no-config-discovery']),
      ) as LintReport;
      return lintProblems(report, parseExplainedWarnings(read('store/web-ext-lint-warnings.md')));
    },
  },
  {
    name: `the Firefox sources zip rebuilds the same files (${reuseNodeModules ? "this checkout's node_modules" : 'npm ci'})`,
    run: () =>
      sourcesRebuildProblems({
        sourcesZip: files.sourcesZip,
        builtDir: output('firefox-mv3'),
        install: reuseNodeModules
          ? { kind: 'reuse', nodeModules: join(ROOT, 'node_modules') }
          : { kind: 'npm-ci' },
        exec: run,
      }),
  },
  {
    name: 'SHA-256 sums',
    run() {
      const zips = [files.chromeZip, files.firefoxZip, files.sourcesZip];
      writeFileSync(
        files.sums,
        sumsText(zips.map((zip) => ({ name: basename(zip), sha256: sha256(zip) }))),
      );
      console.log(read(`.output/${basename(files.sums)}`));
    },
  },
];

if (!(await runReleaseSteps(steps, (line) => console.log(line)))) process.exit(1);
const heading = changelogHeading(read('CHANGELOG.md'), version) ?? '';
console.log(
  `\n${uploadList(version, files, {
    testsSkipped: skipTests,
    dependenciesReused: reuseNodeModules,
    unreleased: isUnreleased(heading),
  })}`,
);
