import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The files of a release: their SHA-256 sums (written beside the zips, so a store's copy can be
 * checked against what was built) and the comparison of two builds file by file (the Firefox
 * sources zip must rebuild to the files that were uploaded).
 */

/** The SHA-256 of a file, in hex. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file under `dir`, by path relative to it (with `/`), with its SHA-256. */
export function treeHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes.set(relative(dir, path).split('\\').join('/'), sha256(path));
    }
  };
  walk(dir);
  return hashes;
}

/** How two trees differ, in words: files missing, extra or changed in `actual`. Empty: the same. */
export function treeDifferences(
  expected: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
): string[] {
  const differences: string[] = [];
  for (const [file, hash] of expected) {
    if (!actual.has(file)) differences.push(`missing: ${file}`);
    else if (actual.get(file) !== hash) differences.push(`different: ${file}`);
  }
  for (const file of actual.keys()) if (!expected.has(file)) differences.push(`extra: ${file}`);
  return differences.sort();
}

/** `sha256sum`'s format: one `<hash>  <file name>` line per file, so `sha256sum -c` checks them. */
export function sumsText(files: readonly { name: string; sha256: string }[]): string {
  return files.map((file) => `${file.sha256}  ${file.name}\n`).join('');
}
