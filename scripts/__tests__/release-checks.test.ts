import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changelogHeading,
  isUnreleased,
  versionProblems,
  type VersionFacts,
} from '../release/release-checks';

const CHANGELOG = `# Changelog

## 0.2.0 (unreleased)

- New things.

## 0.1.0 (2026-12-07)

- The first release.
`;
const fine: VersionFacts = {
  version: '0.2.0',
  tags: ['v0.1.0'],
  changelog: CHANGELOG,
  uncommitted: '',
  shallow: false,
};

describe('release: version checks', () => {
  it('lets a new version with a CHANGELOG entry through', () => {
    expect(versionProblems(fine)).toEqual([]);
  });

  it.each([
    {
      why: 'a tag v0.2.0',
      facts: { tags: ['v0.1.0', 'v0.2.0'] },
      says: 'already released (git tag v0.2.0)',
    },
    { why: 'a tag 0.2.0', facts: { tags: ['0.2.0'] }, says: 'already released (git tag 0.2.0)' },
    {
      why: 'no CHANGELOG entry',
      facts: { version: '0.3.0' },
      says: 'CHANGELOG.md has no entry "## 0.3.0"',
    },
    {
      why: 'a version that is not three numbers',
      facts: { version: '0.2', changelog: '## 0.2\n' },
      says: 'is not three numbers',
    },
    {
      why: 'uncommitted changes',
      facts: { uncommitted: ' M README.md\n' },
      says: 'uncommitted changes',
    },
    { why: 'a shallow clone', facts: { shallow: true }, says: 'shallow clone' },
  ])('refuses $why', ({ facts, says }) => {
    const problems = versionProblems({ ...fine, ...facts });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(says);
  });

  it('does not take a version for another that starts the same', () => {
    expect(changelogHeading('## 0.2.0-beta\n## 10.2.0\n## 0.2.01', '0.2.0')).toBeUndefined();
    expect(versionProblems({ ...fine, tags: ['v0.2.01', 'v10.2.0'] })).toEqual([]);
  });

  it('tells an unreleased entry from a dated one', () => {
    expect(isUnreleased(changelogHeading(CHANGELOG, '0.2.0')!)).toBe(true);
    expect(isUnreleased(changelogHeading(CHANGELOG, '0.1.0')!)).toBe(false);
  });

  it("passes for this repository's package.json and CHANGELOG.md", () => {
    const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    const { version } = JSON.parse(read('package.json')) as { version: string };
    expect(versionProblems({ ...fine, version, changelog: read('CHANGELOG.md') })).toEqual([]);
    expect(changelogHeading(read('CHANGELOG.md'), '0.1.0')).toBe('## 0.1.0 (2026-12-07)');
  });
});
