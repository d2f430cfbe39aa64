import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layersRule } from '../../eslint.layers.js';

/** Lints `code` as if it were the project file `file`, with the layers rule alone. */
function problems(file: string, code: string): string[] {
  const linter = new Linter({ cwd: '/repo' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser as Linter.Parser },
        plugins: { project: { rules: { layers: layersRule } } },
        rules: { 'project/layers': 'error' },
      },
    ],
    { filename: `/repo/${file}` },
  );
  return messages.map((message) => message.message);
}

describe('the layers lint rule', () => {
  it('lets a folder import downwards', () => {
    expect(problems('utils/sync/x.ts', "import { a } from '../transcripts/y';")).toEqual([]);
    expect(problems('entrypoints/background/x.ts', "import { a } from '@/utils/sync/y';")).toEqual(
      [],
    );
  });

  it('refuses an import upwards, naming both layers', () => {
    expect(problems('utils/transcripts/x.ts', "import { a } from '../sync/y';")).toEqual([
      expect.stringContaining('transcripts may not import sync'),
    ]);
    expect(problems('utils/db/x.ts', "import type { A } from '@/utils/outbox/y';")).toHaveLength(1);
  });

  it('keeps the contract to zod', () => {
    expect(problems('utils/messaging/x.ts', "import { z } from 'zod/mini';")).toEqual([]);
    expect(problems('utils/messaging/x.ts', "import { openDB } from 'idb';")).toEqual([
      expect.stringContaining('contract imports only'),
    ]);
    expect(problems('utils/messaging/x.ts', "import { a } from '../sync/y';")).toHaveLength(1);
  });

  it('lets the UI import the contract and published state, not the domain', () => {
    expect(problems('components/panel/x.tsx', "import { a } from '@/utils/messaging/y';")).toEqual(
      [],
    );
    expect(
      problems('components/panel/x.tsx', "import { a } from '@/utils/storage/sync-status-item';"),
    ).toEqual([]);
    expect(problems('components/panel/x.tsx', "import { a } from '@/utils/sync/y';")).toEqual([
      expect.stringContaining('ui may import only'),
    ]);
    expect(
      problems('entrypoints/popup/x.ts', "import { a } from '@/utils/outbox/outbox';"),
    ).toHaveLength(1);
  });

  it('keeps the Sandbox out of production code but for a dynamic import', () => {
    expect(problems('utils/auth/x.ts', "import { a } from '@/sandbox/y';")).toEqual([
      expect.stringContaining('never imports the Sandbox statically'),
    ]);
    expect(problems('utils/auth/x.ts', "const m = import('@/sandbox/y');")).toEqual([]);
  });

  it('does not check tests', () => {
    expect(problems('utils/db/__tests__/x.test.ts', "import { a } from '../../sync/y';")).toEqual(
      [],
    );
  });
});
