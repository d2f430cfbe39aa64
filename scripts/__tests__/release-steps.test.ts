import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sumsText, sha256, treeDifferences, treeHashes } from '../release/release-files';
import { runReleaseSteps, type ReleaseStep } from '../release/release-steps';
import { uploadList } from '../release/upload-list';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A folder with these files (path → content). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-test-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('release: steps', () => {
  it('runs every step in order when none finds a problem', async () => {
    const ran: string[] = [];
    const log: string[] = [];
    const steps: ReleaseStep[] = ['check', 'test', 'build'].map((name) => ({
      name,
      run: () => void ran.push(name),
    }));
    expect(await runReleaseSteps(steps, (line) => log.push(line))).toBe(true);
    expect(ran).toEqual(['check', 'test', 'build']);
    expect(log).toEqual(['▶ 1/3 check', '▶ 2/3 test', '▶ 3/3 build']);
  });

  it('stops at the first step with problems, says each, and runs nothing after it', async () => {
    const ran: string[] = [];
    const log: string[] = [];
    const steps: ReleaseStep[] = [
      { name: 'check', run: () => ['no CHANGELOG entry', 'uncommitted changes'] },
      { name: 'build', run: () => void ran.push('build') },
    ];
    expect(await runReleaseSteps(steps, (line) => log.push(line))).toBe(false);
    expect(ran).toEqual([]);
    expect(log).toEqual([
      '▶ 1/2 check',
      '  ✗ no CHANGELOG entry',
      '  ✗ uncommitted changes',
      'Release stopped at "check". Nothing was published; fix the above and run it again.',
    ]);
  });

  it('takes a step that throws (a failed command) for a problem', async () => {
    const log: string[] = [];
    const steps: ReleaseStep[] = [
      {
        name: 'npm test',
        run: async () => {
          throw new Error('npm test failed');
        },
      },
    ];
    expect(await runReleaseSteps(steps, (line) => log.push(line))).toBe(false);
    expect(log).toContain('  ✗ npm test failed');
  });
});

describe('release: files', () => {
  it('finds files missing, extra or changed between two builds', () => {
    const built = tree({ 'manifest.json': '{}', 'a/b.js': 'b', 'c.js': 'c' });
    expect(treeDifferences(treeHashes(built), treeHashes(built))).toEqual([]);
    const rebuilt = tree({ 'manifest.json': '{}', 'a/b.js': 'B', 'd.js': 'd' });
    expect(treeDifferences(treeHashes(built), treeHashes(rebuilt))).toEqual([
      'different: a/b.js',
      'extra: d.js',
      'missing: c.js',
    ]);
  });

  it('writes sums sha256sum can check', () => {
    const dir = tree({ 'x.zip': 'abc' });
    const hash = sha256(join(dir, 'x.zip'));
    expect(hash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sumsText([{ name: 'x.zip', sha256: hash }])).toBe(`${hash}  x.zip\n`);
  });

  it('says what to upload where, and when the result is not for upload', () => {
    const files = {
      chromeZip: 'c.zip',
      firefoxZip: 'f.zip',
      sourcesZip: 's.zip',
      sums: 'sums.txt',
    };
    const ready = uploadList('0.2.0', files, {
      testsSkipped: false,
      dependenciesReused: false,
      unreleased: false,
    });
    expect(ready).not.toContain('NOT FOR UPLOAD');
    expect(ready).toContain('Chrome Web Store');
    expect(ready).toContain('Source code (AMO asks for it): s.zip');
    expect(ready.match(/Package: c\.zip/g)).toHaveLength(2); // Chrome and Edge
    expect(ready).toContain('git tag v0.2.0');
    const tryOut = uploadList('0.2.0', files, {
      testsSkipped: true,
      dependenciesReused: true,
      unreleased: true,
    });
    expect(tryOut.match(/NOT FOR UPLOAD/g)).toHaveLength(2);
    expect(tryOut).toContain('still says 0.2.0 is unreleased');
  });
});
