/**
 * `web-ext lint`'s verdict on the Firefox build: no errors, and every warning explained in
 * store/web-ext-lint-warnings.md (AMO's reviewers read the same warnings).
 */

/** One message of `web-ext lint --output json`. */
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/** The parts of the JSON report the release reads. */
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices?: LintMessage[];
}

/** A warning the project explains: its code, the file it is in (`*` matches a content hash). */
export interface ExplainedWarning {
  code: string;
  file: string;
  why: string;
}

/**
 * The explained warnings: the rows of the table in store/web-ext-lint-warnings.md, whose first
 * three cells are the code, the file (in backticks) and why it is safe.
 */
export function parseExplainedWarnings(markdown: string): ExplainedWarning[] {
  const rows: ExplainedWarning[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^`|`$/g, ''));
    if (cells.length < 3 || cells[0] === 'Code' || /^-+$/.test(cells[0]!)) continue;
    rows.push({ code: cells[0]!, file: cells[1]!, why: cells[2]! });
  }
  return rows;
}

/** Whether a file name matches a pattern whose `*` stands for any run of characters but `/`. */
function matches(pattern: string, file: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`).test(file);
}

/** The problems that stop a release: every error, and every warning nobody explained. */
export function lintProblems(report: LintReport, explained: readonly ExplainedWarning[]): string[] {
  const problems = report.errors.map(
    (error) =>
      `web-ext lint error ${error.code} in ${error.file ?? 'the manifest'}: ${error.message}`,
  );
  for (const warning of report.warnings) {
    const known = explained.some(
      (row) => row.code === warning.code && row.why && matches(row.file, warning.file ?? ''),
    );
    if (!known) {
      problems.push(
        `web-ext lint warning ${warning.code} in ${warning.file ?? 'the manifest'} is not explained in store/web-ext-lint-warnings.md: ${warning.message}`,
      );
    }
  }
  return problems;
}
