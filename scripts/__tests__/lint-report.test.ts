import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintProblems, parseExplainedWarnings, type LintReport } from '../release/lint-report';

const explained = parseExplainedWarnings(
  readFileSync(new URL('../../store/web-ext-lint-warnings.md', import.meta.url), 'utf8'),
);
const innerHtml = (file: string) => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file,
});
const report = (over: Partial<LintReport>): LintReport => ({ errors: [], warnings: [], ...over });

describe('release: web-ext lint report', () => {
  it('reads the explained warnings from store/web-ext-lint-warnings.md', () => {
    expect(explained.map((row) => [row.code, row.file])).toEqual([
      ['UNSAFE_VAR_ASSIGNMENT', 'content-scripts/trint.js'],
      ['UNSAFE_VAR_ASSIGNMENT', 'chunks/field-mapping-*.js'],
    ]);
    for (const row of explained) expect(row.why.length).toBeGreaterThan(20);
  });

  it('passes explained warnings, whatever the content hash', () => {
    const warnings = [
      innerHtml('content-scripts/trint.js'),
      innerHtml('chunks/field-mapping-Ab12_x.js'),
    ];
    expect(lintProblems(report({ warnings }), explained)).toEqual([]);
  });

  it('stops on any error', () => {
    const errors = [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' }];
    expect(lintProblems(report({ errors }), explained)).toEqual([
      'web-ext lint error MANIFEST_FIELD_INVALID in manifest.json: bad',
    ]);
  });

  it('stops on a warning nobody explained: another code, or the same code in another file', () => {
    const warnings = [
      innerHtml('background.js'),
      innerHtml('chunks/field-mapping-x/evil.js'),
      { code: 'DANGEROUS_EVAL', message: 'eval', file: 'content-scripts/trint.js' },
    ];
    const problems = lintProblems(report({ warnings }), explained);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('UNSAFE_VAR_ASSIGNMENT in background.js is not explained');
    expect(problems[2]).toContain('DANGEROUS_EVAL');
  });
});
