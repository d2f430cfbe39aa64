import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/fake-clock';
import { GHL_API_BASE } from '../../utils/ghl/api-constants';
import {
  SANDBOX_SCRIPT,
  type CreateSandboxGhl,
  type SandboxGhl,
} from '../../utils/ghl/sandbox-port';
import extensionScript from '../extension-script';
import { SANDBOX_CUSTOM_FIELDS, SANDBOX_LOCATION } from '../sandbox-fixtures';
import { createSandboxGhl, sandboxGhlOf } from '../sandbox-ghl';
import { createSandbox } from '../sandbox-handler';

/** Sandbox mode's first request: the location's first contact, with the Sandbox's own token. */
async function firstContactLocation(sandbox: SandboxGhl) {
  const url = `${GHL_API_BASE}/contacts/?locationId=${sandbox.location.id}&limit=1`;
  const response = await sandbox.fetch(url, {
    headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28' },
  });
  expect(response.status).toBe(200);
  const { contacts } = (await response.json()) as { contacts: { locationId: string }[] };
  return contacts[0]?.locationId;
}

describe('the Sandbox behind the port production code knows', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[SANDBOX_SCRIPT.global];
  });

  it('the extension Sandbox accepts its own token for its own, seeded location', async () => {
    const sandbox = createSandboxGhl({
      clock: createFakeClock().clock,
      dbName: 'sandbox-ghl-port',
    });
    expect(sandbox.location).toEqual({ id: SANDBOX_LOCATION.id, name: SANDBOX_LOCATION.name });
    expect(sandbox.customFields.map((f) => f.name)).toEqual(
      SANDBOX_CUSTOM_FIELDS.map((f) => f.name),
    );
    expect(await firstContactLocation(sandbox)).toBe(SANDBOX_LOCATION.id);
    await sandbox.reset();
  });

  it('an in-memory Sandbox answers the same way', async () => {
    const sandbox = sandboxGhlOf(createSandbox({ clock: createFakeClock().clock }));
    expect(await firstContactLocation(sandbox)).toBe(SANDBOX_LOCATION.id);
  });

  it('the bundle, when it runs, leaves the factory where the loader looks for it', async () => {
    expect(globalThis).not.toHaveProperty(SANDBOX_SCRIPT.global);
    extensionScript.main();
    const create = (globalThis as Record<string, unknown>)[SANDBOX_SCRIPT.global];
    expect(create).toEqual(expect.any(Function));
    const sandbox = (create as CreateSandboxGhl)();
    expect(sandbox.location.id).toBe(SANDBOX_LOCATION.id);
    await sandbox.reset();
  });
});
