/**
 * `npm run release` as a list of named steps, each of which returns the problems it found (none:
 * go on). The script (scripts/release.ts) builds the real list; tests pass their own steps to
 * check that the first problem stops the release and that every problem is said.
 */

/** One step of the release. */
export interface ReleaseStep {
  name: string;
  run(): Promise<string[] | void> | string[] | void;
}

/** Where the release says what it does (the console, or a test's list). */
export type Log = (line: string) => void;

/**
 * Runs the steps in order and stops at the first that finds a problem or throws. Returns whether
 * all of them passed.
 */
export async function runReleaseSteps(steps: readonly ReleaseStep[], log: Log): Promise<boolean> {
  for (const [index, step] of steps.entries()) {
    log(`▶ ${index + 1}/${steps.length} ${step.name}`);
    let problems: string[];
    try {
      problems = (await step.run()) ?? [];
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (problems.length > 0) {
      for (const problem of problems) log(`  ✗ ${problem}`);
      log(
        `Release stopped at "${step.name}". Nothing was published; fix the above and run it again.`,
      );
      return false;
    }
  }
  return true;
}
