import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeDifferences, treeHashes } from './release-files';

/** Runs a command; resolves when it exits 0, throws with its output otherwise. */
export type Exec = (command: string, args: readonly string[], cwd: string) => void;

/** What {@link sourcesRebuildProblems} needs. */
export interface SourcesRebuild {
  /** The sources zip AMO's reviewers get. */
  sourcesZip: string;
  /** The Firefox build that was zipped for upload (`.output/firefox-mv3`). */
  builtDir: string;
  /**
   * `npm-ci`: install the dependencies afresh from the zip's package-lock.json, as a reviewer
   * does (needs the registry; minutes). `reuse`: link this checkout's node_modules instead
   * (seconds), for tests; it proves the sources build, not that the lock file installs.
   */
  install: { kind: 'npm-ci' } | { kind: 'reuse'; nodeModules: string };
  exec: Exec;
}

/**
 * Unzips the sources zip into an empty folder, installs, builds Firefox there, and compares the
 * result with the build that was zipped for upload, file by file. Returns the differences (empty:
 * the sources rebuild exactly what is uploaded). The folder is removed afterwards.
 */
export function sourcesRebuildProblems(options: SourcesRebuild): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ghl-trint-sources-'));
  try {
    options.exec('unzip', ['-q', options.sourcesZip, '-d', dir], dir);
    if (options.install.kind === 'npm-ci') {
      options.exec('npm', ['ci', '--no-audit', '--no-fund'], dir);
    } else {
      symlinkSync(options.install.nodeModules, join(dir, 'node_modules'), 'dir');
    }
    options.exec('npx', ['--no-install', 'wxt', 'build', '-b', 'firefox'], dir);
    const differences = treeDifferences(
      treeHashes(options.builtDir),
      treeHashes(join(dir, '.output/firefox-mv3')),
    );
    return differences.map((difference) => `The sources zip rebuilds a ${difference}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
