import { loadOnce, SANDBOX_SCRIPT, type CreateSandboxGhl, type LoadSandbox } from './sandbox-port';

/**
 * The parts of the background's global scope the loader uses: Chrome's service worker has
 * `importScripts`, Firefox's background page has a `document`.
 */
export interface BackgroundScope {
  importScripts?: (...urls: string[]) => void;
  addEventListener?: (type: 'install', listener: () => void) => void;
  document?: Pick<Document, 'createElement' | 'head'>;
  [SANDBOX_SCRIPT.global]?: CreateSandboxGhl;
}

/**
 * Loads the built Sandbox (sandbox-ghl.js, its own bundle) into the background the first time
 * Sandbox mode needs it, so a background that never uses the Sandbox never parses it.
 *
 * Why not `import()`: it is disallowed in service workers (HTML spec, "import() is disallowed on
 * ServiceWorkerGlobalScope"; Chrome's extension docs say the same), and WXT builds the background
 * as one classic script. What works in both browsers:
 * - Chrome (service worker): `importScripts()`. After the worker's first evaluation Chrome allows
 *   it only for scripts the worker imported while it was installed ("importScripts() of new
 *   scripts after service worker installation is not allowed"), in every later worker too; so the
 *   install event imports the Sandbox once (it only defines a global), and from then on any
 *   worker can import it when Sandbox mode starts.
 * - Firefox (an event page with a DOM): a `<script>` element, which the extension's CSP allows
 *   for its own files.
 * Must be called synchronously at the background's start, so the install listener is in place.
 */
export function createSandboxScriptLoader(
  scope: BackgroundScope = globalThis as BackgroundScope,
): LoadSandbox {
  const { importScripts } = scope;
  if (typeof importScripts === 'function') {
    scope.addEventListener?.('install', () => {
      try {
        importScripts(SANDBOX_SCRIPT.path);
      } catch (error) {
        // Sandbox mode will say it could not start; nothing else depends on the Sandbox.
        console.warn('GHL for Trint: the Sandbox could not be installed:', messageOf(error));
      }
    });
  }
  return loadOnce(async () => {
    if (!scope[SANDBOX_SCRIPT.global]) {
      if (typeof importScripts === 'function') importScripts(SANDBOX_SCRIPT.path);
      else if (scope.document) await appendScript(scope.document, SANDBOX_SCRIPT.path);
    }
    const create = scope[SANDBOX_SCRIPT.global];
    if (typeof create !== 'function') throw new Error('The Sandbox GHL could not be loaded.');
    return create();
  });
}

/** Runs the extension's script at `path` in the page, resolving once it has run. */
function appendScript(document: Pick<Document, 'createElement' | 'head'>, path: string) {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = path;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${path}.`));
    document.head.append(script);
  });
}

/** An error's message alone: a stack or an error's fields are nobody's business in a log. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
