import { execFileSync } from 'node:child_process';
import { ROOT } from './paths';

/**
 * Vitest global setup: builds both production extensions before any e2e test runs, so
 * `npm run test:e2e` never tests a stale build. `npm test` builds them as steps of their own
 * first and sets GHL_E2E_PREBUILT=1 to skip this.
 */
export default function buildOnce(): void {
  if (process.env.GHL_E2E_PREBUILT === '1') return;
  for (const script of ['build', 'build:firefox']) {
    execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  }
}
