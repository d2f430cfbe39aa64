// The production Chrome build the browser benchmarks load, built once when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROME_BUILD, ROOT } from '../../test/e2e/support/paths';

/**
 * Makes sure `.output/chrome-mv3` holds a production build (what the e2e tests load too) and
 * returns its folder. A missing build is made with `npm run build`, once per process; an
 * existing one is used as it is, so `npm test` and `npm run bench` measure the build they made.
 */
export function ensureChromeBuild(log: (line: string) => void): string {
  if (!existsSync(`${CHROME_BUILD}/manifest.json`)) {
    log('No production build in .output/chrome-mv3: running npm run build once.');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  return CHROME_BUILD;
}
