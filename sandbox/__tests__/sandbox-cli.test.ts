import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox-fixtures';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Starts `npm run sandbox`'s script and resolves with the URL it prints. */
function startCli(env: Record<string, string>): Promise<string> {
  // One process (no npx or tsx wrapper), so killing it stops the server.
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child!.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe('npm run sandbox', () => {
  it('starts a server a person can curl, sized by SANDBOX_CONTACTS', async () => {
    const url = await startCli({ SANDBOX_PORT: '0', SANDBOX_CONTACTS: '120' });
    const response = await fetch(`${url}/contacts/?locationId=${SANDBOX_LOCATION.id}&limit=1`, {
      headers: { Version: '2021-07-28', Authorization: `Bearer ${SANDBOX_TOKENS.readWrite}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).meta.total).toBe(120);
  }, 30_000);

  it('refuses a port that is not a number, with a clear message', async () => {
    await expect(startCli({ SANDBOX_PORT: 'eighty' })).rejects.toThrow(
      /SANDBOX_PORT must be a whole number/,
    );
  }, 30_000);
});
