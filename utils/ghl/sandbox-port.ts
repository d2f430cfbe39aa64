/**
 * What production code needs of the Sandbox GHL (the top-level sandbox/ package), which Sandbox
 * mode talks to instead of GHL. Production code never imports sandbox/: it is handed a
 * {@link LoadSandbox}, so the Sandbox's ~3,300 lines (and its seeded data) stay out of the
 * background bundle and are loaded only once Sandbox mode uses them (sandbox-script.ts). Tests,
 * the demo and `npm run sandbox` build one from sandbox/ directly.
 */
export interface SandboxGhl {
  /** Answers GHL requests as GHL would, from the Sandbox's records (kept across worker restarts). */
  fetch: typeof fetch;
  /** Starts over from the seeded data and deletes the saved records (Disconnect with wipe). */
  reset(): Promise<void>;
  /** The seeded location Sandbox mode connects to. */
  location: { id: string; name: string };
  /** The Private Integration token every Sandbox accepts: Sandbox mode's fixed credential. */
  token: string;
  /**
   * The seeded location's custom field definitions. A live location's are unknown to the
   * extension (reading them needs a scope it does not ask for); the Sandbox's are public.
   */
  customFields: readonly { id: string; name: string }[];
}

/** Gives the Sandbox, loading it on the first call; every call answers the same one. */
export type LoadSandbox = () => Promise<SandboxGhl>;

/**
 * Where the built Sandbox lives in the extension and the global it leaves its factory in. The
 * Sandbox's bundle (sandbox/extension-script.ts) and its loader (sandbox-script.ts) share them.
 */
export const SANDBOX_SCRIPT = {
  /** The bundle's path in the built extension (a WXT unlisted script named `sandbox-ghl`). */
  path: '/sandbox-ghl.js',
  /** The global the bundle sets, when it runs, to a function creating the Sandbox. */
  global: '__ghlForTrintSandbox',
} as const;

/** What the Sandbox bundle leaves in {@link SANDBOX_SCRIPT.global}. */
export type CreateSandboxGhl = () => SandboxGhl;

/** `load` called once: later calls share the first call's answer, unless it failed. */
export function loadOnce(load: LoadSandbox): LoadSandbox {
  let loading: Promise<SandboxGhl> | undefined;
  return () => {
    const current = (loading ??= load());
    current.catch(() => {
      if (loading === current) loading = undefined;
    });
    return current;
  };
}

/** A fetch that loads the Sandbox at its first request and then asks it (Sandbox mode's network). */
export function sandboxFetch(load: LoadSandbox): typeof fetch {
  return async (input, init) => (await load()).fetch(input, init);
}
