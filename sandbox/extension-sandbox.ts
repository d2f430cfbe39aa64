import { systemClock, type Clock } from '../utils/clock';
import { createSandboxFetch } from './sandbox-fetch';
import { createSandbox } from './sandbox-handler';
import { fromSnapshot, toSnapshot } from './sandbox-snapshot';
import { createSandboxStore, SANDBOX_DB_NAME } from './sandbox-store';
import type { SandboxState } from './sandbox-state';

/** Options of {@link createExtensionSandbox}; the defaults are the extension's. */
export interface ExtensionSandboxOptions {
  clock?: Clock;
  /** The database the Sandbox's records are saved in. */
  dbName?: string;
  /** Hears about a snapshot that could not be read or saved; the Sandbox goes on regardless. */
  onProblem?: (error: unknown) => void;
}

/** One Sandbox of this worker: what it answers with, and whether a save is already queued. */
interface Running {
  state: SandboxState;
  fetch: typeof fetch;
  saveQueued: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The Sandbox GHL that Sandbox mode talks to, running inside the background: no server, no
 * account. Chrome stops an idle service worker after about 30 s, so its records are saved in the
 * extension's own IndexedDB after every write and read back before the first request of the next
 * worker; otherwise a person's edits would vanish while the cache still shows them. The first
 * Sandbox, or one whose snapshot is unreadable, starts from the seeded data. Its token needs no
 * saving: Sandbox mode uses a fixed Private Integration token every Sandbox accepts.
 */
export function createExtensionSandbox(options: ExtensionSandboxOptions = {}) {
  const clock = options.clock ?? systemClock;
  const onProblem =
    options.onProblem ??
    ((error: unknown) => console.warn('The Sandbox could not read or save its data.', error));
  const store = createSandboxStore(options.dbName ?? SANDBOX_DB_NAME);
  let current: Promise<Running> | undefined;

  async function start(): Promise<Running> {
    const stored = await store.load().catch((error: unknown) => (onProblem(error), undefined));
    const saved = stored === undefined ? undefined : fromSnapshot(stored);
    if (stored !== undefined && !saved) onProblem(new Error('Unreadable Sandbox snapshot.'));
    const sandbox = createSandbox({ clock, saved });
    return { state: sandbox.state, fetch: createSandboxFetch(sandbox), saveQueued: false };
  }

  function saveSoon(running: Running, started: Promise<Running>) {
    // Writes that land while a save waits its turn share it: it stores the records as they are
    // when it runs, so bursts cost one write and the last change is never left out.
    if (running.saveQueued) return;
    running.saveQueued = true;
    store
      .save(() => {
        running.saveQueued = false;
        // After reset() this Sandbox is gone: its records must not come back.
        return current === started ? toSnapshot(running.state.contents()) : undefined;
      })
      .catch(onProblem);
  }

  return {
    fetch: (async (input, init) => {
      const started = (current ??= start());
      const running = await started;
      const request = new Request(input, init);
      let response: Response | undefined;
      try {
        return (response = await running.fetch(request));
      } finally {
        // Saved unless the Sandbox refused the write: an aborted or dropped request may still
        // have taken effect, and GHL would keep it.
        if (WRITES.has(request.method) && (!response || response.ok)) saveSoon(running, started);
      }
    }) as typeof fetch,
    /** Starts over from the seeded data and deletes the saved records (Disconnect with wipe). */
    reset(): Promise<void> {
      current = undefined;
      return store.clear().catch(onProblem);
    },
    /** Resolves once every save queued so far is stored (tests; a host about to stop). */
    flush: (): Promise<void> => store.settled(),
  };
}

/** See {@link createExtensionSandbox}. */
export type ExtensionSandbox = ReturnType<typeof createExtensionSandbox>;
