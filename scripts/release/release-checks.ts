/**
 * The checks `npm run release` makes before it builds anything, as pure functions of what it
 * read (package.json's version, the git tags, CHANGELOG.md, the state of the working tree), so
 * each can be tested without git or a build. Each returns the problems in words; none is fine.
 */

/** A release version: three numbers, as the stores and package.json want it. */
const VERSION = /^\d+\.\d+\.\d+$/;

/** What the release is about to publish, and what the repository already has. */
export interface VersionFacts {
  version: string;
  tags: readonly string[];
  changelog: string;
  /** `git status --porcelain`: empty when nothing is uncommitted. */
  uncommitted: string;
  /** A shallow clone may lack tags, so it cannot tell whether a version is new. */
  shallow: boolean;
}

/** The heading of a version's CHANGELOG.md entry (`## 0.2.0 (unreleased)`), or undefined. */
export function changelogHeading(changelog: string, version: string): string | undefined {
  const escaped = version.replace(/\./g, '\\.');
  return new RegExp(`^## ${escaped}(?: .*)?$`, 'm').exec(changelog)?.[0];
}

/** Whether the entry still says "(unreleased)": the date goes in before the tag. */
export function isUnreleased(heading: string): boolean {
  return /\(unreleased\)/i.test(heading);
}

/** The problems that stop a release of `facts.version`. */
export function versionProblems(facts: VersionFacts): string[] {
  const { version, tags, changelog } = facts;
  const problems: string[] = [];
  if (!VERSION.test(version)) {
    problems.push(`package.json's version "${version}" is not three numbers (e.g. 1.2.3).`);
  }
  if (facts.shallow) {
    problems.push(
      'This is a shallow clone: its git tags may be incomplete, so it cannot tell whether the version is new. Run `git fetch --unshallow --tags` first.',
    );
  }
  const taken = tags.find((tag) => tag === version || tag === `v${version}`);
  if (taken) {
    problems.push(
      `Version ${version} is already released (git tag ${taken}): raise the version in package.json.`,
    );
  }
  if (!changelogHeading(changelog, version)) {
    problems.push(`CHANGELOG.md has no entry "## ${version}": say what this release changes.`);
  }
  if (facts.uncommitted.trim()) {
    problems.push(
      'The working tree has uncommitted changes: the sources zip would not match any commit. Commit or stash them.',
    );
  }
  return problems;
}
