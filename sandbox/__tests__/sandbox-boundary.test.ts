import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SANDBOX = join(ROOT, 'sandbox');
/** What ships in the background, the content script and the pages. */
const PRODUCTION = ['utils', 'entrypoints', 'components'];
/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`. */
const IMPORT =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;

/** The production source files (tests, which may use the Sandbox directly, left out). */
function productionFiles(): string[] {
  return PRODUCTION.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.tsx?$/.test(path) && !path.split(/[\\/]/).includes('__tests__'))
      .map((path) => join(ROOT, folder, path)),
  );
}

/** Where an import specifier of `file` points, if it is one of the project's own files. */
function target(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.')) return resolve(dirname(file), specifier);
  return undefined;
}

// The Sandbox reaches production code only through utils/ghl/sandbox-port.ts, loaded from its
// own bundle when Sandbox mode starts: one static import would pull it back into every start
// of the background (and into its size budget).
describe('the Sandbox package boundary', () => {
  it('no production file imports sandbox/', () => {
    const files = productionFiles();
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((match) => target(file, match[1] ?? match[2]!))
        .filter((path) => path !== undefined && !relative(SANDBOX, path).startsWith('..'))
        .map((path) => `${relative(ROOT, file)} imports ${relative(ROOT, path!)}`),
    );
    expect(offending).toEqual([]);
  });
});
