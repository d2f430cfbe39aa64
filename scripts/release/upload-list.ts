/** The files a release made, by role. */
export interface ReleaseFiles {
  chromeZip: string;
  firefoxZip: string;
  sourcesZip: string;
  sums: string;
}

/** What the release did not check, said before the upload list. */
export interface ReleaseCaveats {
  testsSkipped: boolean;
  /** The sources were rebuilt with this checkout's node_modules, not a fresh `npm ci`. */
  dependenciesReused: boolean;
  /** CHANGELOG.md's entry still says "(unreleased)". */
  unreleased: boolean;
}

/** What to upload where, in the order a person does it, ending with the tag to push. */
export function uploadList(version: string, files: ReleaseFiles, caveats: ReleaseCaveats): string {
  const lines = [`GHL for Trint ${version} is ready. SHA-256 sums: ${files.sums}`, ''];
  if (caveats.testsSkipped) {
    lines.push('⚠ NOT FOR UPLOAD: `npm test` was skipped (--skip-tests).');
  }
  if (caveats.dependenciesReused) {
    lines.push(
      '⚠ NOT FOR UPLOAD: the sources were rebuilt with this checkout’s node_modules (--reuse-node-modules), not a fresh `npm ci`.',
    );
  }
  if (caveats.unreleased) {
    lines.push(
      `⚠ CHANGELOG.md still says ${version} is unreleased: put today's date in its heading and commit before you upload.`,
    );
  }
  lines.push(
    '',
    '1. Chrome Web Store — https://chrome.google.com/webstore/devconsole',
    `   Package: ${files.chromeZip}`,
    '   Forms: store/chrome-web-store.md, store/listing.md; screenshots: store/screenshots/',
    '2. Firefox Add-ons — https://addons.mozilla.org/developers/',
    `   Package: ${files.firefoxZip}`,
    `   Source code (AMO asks for it): ${files.sourcesZip}`,
    '   Forms: store/firefox-add-ons.md, store/listing.md; screenshots: store/screenshots/',
    '3. Microsoft Edge Add-ons — https://partner.microsoft.com/dashboard/microsoftedge/',
    `   Package: ${files.chromeZip} (the same Manifest V3 build as Chrome)`,
    '   Forms: store/edge-add-ons.md, store/listing.md; screenshots: store/screenshots/',
    '',
    `Then tag the commit: git tag v${version} && git push origin v${version}`,
    `and keep the builds for the next release's upgrade test (test/fixtures/releases/${version}/).`,
  );
  return lines.join('\n');
}
