import { describe, expect, it, vi } from 'vitest';
import { loadOnce, SANDBOX_SCRIPT, sandboxFetch, type SandboxGhl } from '../sandbox-port';
import { createSandboxScriptLoader, type BackgroundScope } from '../sandbox-script';

/** A Sandbox that answers every request with `answer`. */
function fakeSandbox(answer = 'from the Sandbox'): SandboxGhl {
  return {
    fetch: async () => new Response(answer),
    reset: async () => {},
    location: { id: 'loc', name: 'Location' },
    token: 'token',
    customFields: [],
  };
}

/** Chrome's service worker: `importScripts` runs the Sandbox's script (which sets the global). */
function serviceWorker() {
  const listeners = new Map<string, () => void>();
  const scope: BackgroundScope = {
    importScripts: vi.fn((path: string) => {
      expect(path).toBe(SANDBOX_SCRIPT.path);
      scope[SANDBOX_SCRIPT.global] = vi.fn(() => fakeSandbox());
    }),
    addEventListener: (type, listener) => void listeners.set(type, listener),
  };
  return { scope, install: () => listeners.get('install')?.() };
}

/** Firefox's background page: a script element runs the script when it is appended. */
function backgroundPage({ fails = false } = {}) {
  const appended: { src: string }[] = [];
  const scope: BackgroundScope = {
    document: {
      createElement: () => ({}) as HTMLScriptElement,
      head: {
        append(element: HTMLScriptElement) {
          appended.push(element);
          queueMicrotask(() => {
            if (fails) return void element.onerror?.(new Event('error'));
            scope[SANDBOX_SCRIPT.global] = () => fakeSandbox();
            element.onload?.(new Event('load'));
          });
        },
      } as unknown as HTMLHeadElement,
    },
  };
  return { scope, appended };
}

describe('the Sandbox script loader', () => {
  it('in a service worker: imported at install, then created once when first needed', async () => {
    const { scope, install } = serviceWorker();
    const load = createSandboxScriptLoader(scope);
    expect(scope.importScripts).not.toHaveBeenCalled();
    install();
    expect(scope.importScripts).toHaveBeenCalledTimes(1);

    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    // The install's import left the global: this worker does not run the script again.
    expect(scope.importScripts).toHaveBeenCalledTimes(1);
    expect(scope[SANDBOX_SCRIPT.global]).toHaveBeenCalledTimes(1);
  });

  it('in a later worker (no install): imports the script at the first use only', async () => {
    const { scope } = serviceWorker();
    const load = createSandboxScriptLoader(scope);
    expect(scope.importScripts).not.toHaveBeenCalled();
    const sandbox = await load();
    expect(await (await sandbox.fetch('https://example.test/')).text()).toBe('from the Sandbox');
    await load();
    expect(scope.importScripts).toHaveBeenCalledTimes(1);
  });

  it('a failed install import is logged, not thrown; the first use imports it again', async () => {
    const { scope, install } = serviceWorker();
    vi.mocked(scope.importScripts!).mockImplementationOnce(() => {
      throw new Error('network');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = createSandboxScriptLoader(scope);
    expect(install).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    await expect(load()).resolves.toMatchObject({ token: 'token' });
    expect(scope.importScripts).toHaveBeenCalledTimes(2);
  });

  it('in a page: appends one script element with the script, then creates the Sandbox', async () => {
    const { scope, appended } = backgroundPage();
    const load = createSandboxScriptLoader(scope);
    expect(appended).toEqual([]);
    await Promise.all([load(), load()]);
    expect(appended).toEqual([expect.objectContaining({ src: SANDBOX_SCRIPT.path })]);
  });

  it('a script that does not load rejects, and the next use tries again', async () => {
    const page = backgroundPage({ fails: true });
    const load = createSandboxScriptLoader(page.scope);
    await expect(load()).rejects.toThrow(`Could not load ${SANDBOX_SCRIPT.path}.`);
    await expect(load()).rejects.toThrow();
    expect(page.appended).toHaveLength(2);
  });

  it('a script that ran but left no Sandbox is refused', async () => {
    const load = createSandboxScriptLoader({ importScripts: () => {} });
    await expect(load()).rejects.toThrow('The Sandbox GHL could not be loaded.');
  });
});

describe('the Sandbox port', () => {
  it('loadOnce shares one load, and loads again after a failure', async () => {
    const inner = vi
      .fn<() => Promise<SandboxGhl>>()
      .mockRejectedValueOnce(new Error('first'))
      .mockResolvedValue(fakeSandbox());
    const load = loadOnce(inner);
    await expect(load()).rejects.toThrow('first');
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(inner).toHaveBeenCalledTimes(2);
  });

  it('sandboxFetch loads the Sandbox at the first request, not before', async () => {
    const load = vi.fn(async () => fakeSandbox('answered'));
    const fetch = sandboxFetch(load);
    expect(load).not.toHaveBeenCalled();
    expect(await (await fetch('https://services.leadconnectorhq.com/contacts/x')).text()).toBe(
      'answered',
    );
    expect(load).toHaveBeenCalledTimes(1);
  });
});
