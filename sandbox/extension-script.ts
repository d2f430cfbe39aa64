import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SANDBOX_SCRIPT, type CreateSandboxGhl } from '../utils/ghl/sandbox-port';
import { createSandboxGhl } from './sandbox-ghl';

/**
 * The Sandbox's own bundle in the built extension (sandbox-ghl.js, added in wxt.config.ts): the
 * background loads it only when Sandbox mode starts (utils/ghl/sandbox-script.ts). Running it only
 * leaves the factory in a global; nothing starts until the background calls it.
 */
export default defineUnlistedScript(() => {
  const create: CreateSandboxGhl = () => createSandboxGhl();
  Object.assign(globalThis, { [SANDBOX_SCRIPT.global]: create });
});
