import type { SandboxGhl } from '../utils/ghl/sandbox-port';
import { createExtensionSandbox, type ExtensionSandboxOptions } from './extension-sandbox';
import { SANDBOX_CUSTOM_FIELDS, SANDBOX_LOCATION, SANDBOX_TOKENS } from './sandbox-fixtures';
import { createSandboxFetch } from './sandbox-fetch';
import type { Sandbox } from './sandbox-handler';

/** The Sandbox's public facts that Sandbox mode works with (its location, token and fields). */
const FACTS = {
  location: { id: SANDBOX_LOCATION.id, name: SANDBOX_LOCATION.name },
  token: SANDBOX_TOKENS.readWrite,
  customFields: SANDBOX_CUSTOM_FIELDS,
} satisfies Omit<SandboxGhl, 'fetch' | 'reset'>;

/**
 * The Sandbox as the extension runs it in Sandbox mode (records saved across worker restarts,
 * see extension-sandbox.ts), behind the interface production code knows it by.
 */
export function createSandboxGhl(options: ExtensionSandboxOptions = {}): SandboxGhl {
  const sandbox = createExtensionSandbox(options);
  return { ...FACTS, fetch: sandbox.fetch, reset: sandbox.reset };
}

/**
 * An in-memory Sandbox behind the same interface, for tests and harnesses: `fetch` defaults to
 * one answered by `sandbox`; `reset` has no saved records to delete.
 */
export function sandboxGhlOf(
  sandbox: Sandbox,
  fetch: typeof globalThis.fetch = createSandboxFetch(sandbox),
): SandboxGhl {
  return { ...FACTS, fetch, reset: async () => {} };
}

/** The Sandbox's facts with a network of the caller's (a benchmark's shared Sandbox server). */
export function sandboxGhlAnsweredBy(fetch: typeof globalThis.fetch): SandboxGhl {
  return { ...FACTS, fetch, reset: async () => {} };
}
