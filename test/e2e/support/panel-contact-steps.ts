import type { Page } from 'playwright-core';
import { GHL_API_BASE, GHL_API_VERSION } from '../../../utils/ghl/api-constants';
import { SANDBOX_LOCATION } from '../../../sandbox/sandbox-fixtures';
import type { SandboxContact } from '../../../sandbox/sandbox-records';
import type { Sandbox } from '../../../sandbox/sandbox-handler';
import { sandboxControl } from '../../support/sandbox-control';
import { ask } from './extension-pages';

/** One request the extension sent to the Sandbox GHL, as GHL received it. */
export interface ReceivedRequest {
  method: string;
  /** Path without the query string, e.g. "/contacts/sbxCont…". */
  path: string;
  /** The parsed JSON body, or undefined for a request without one. */
  body: unknown;
}

/** A request to keep from GHL until the test releases it. */
interface Hold {
  method: string;
  path: RegExp;
  arrived(): void;
  released: Promise<void>;
}

/** Marks a request a test makes itself (setting GHL up), which the recorder leaves out. */
const SETUP_HEADER = 'x-e2e-setup';

/**
 * Records every GHL API request the browser sends to the Sandbox (the control API and the test's
 * own setup requests left out), by wrapping the Sandbox's handler, which the browser's route
 * looks up on every request. `clear()` starts a test's record afresh.
 */
export function recordGhlRequests(sandbox: Sandbox) {
  const requests: ReceivedRequest[] = [];
  const holds: Hold[] = [];
  const handle = sandbox.handle;
  sandbox.handle = async (request: Request) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/__sandbox') && !request.headers.has(SETUP_HEADER)) {
      const text = request.method === 'GET' ? '' : await request.clone().text();
      const received = { method: request.method, path: url.pathname, body: parseJson(text) };
      const hold = holds.find((h) => h.method === received.method && h.path.test(received.path));
      if (hold) {
        holds.splice(holds.indexOf(hold), 1);
        hold.arrived();
        await hold.released;
      }
      requests.push(received);
    }
    return handle(request);
  };
  return {
    requests,
    clear: () => void (requests.length = 0),
    /**
     * Keeps the next request with this method and path from reaching GHL until `release()`, so a
     * test can see what the person sees while a write is on its way. `arrived` resolves once the
     * extension has sent it.
     */
    hold(method: string, path: RegExp) {
      let arrived!: () => void;
      let release!: () => void;
      const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ method, path, arrived, released });
      return { arrived: hasArrived, release };
    },
    /** The requests received with this method to a path matching `path`. */
    received: (method: string, path: RegExp | string) =>
      requests.filter(
        (r) =>
          r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
      ),
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Creates a contact in the Sandbox GHL as a person working in GHL would (POST /contacts/ with a
 * token of its own, so it is neither the extension's request nor in the recorder's list). The
 * control API edits contacts but has no create route.
 */
export async function createGhlContact(
  sandbox: Sandbox,
  fields: Partial<
    Pick<SandboxContact, 'firstName' | 'lastName' | 'email' | 'phone' | 'companyName' | 'tags'>
  >,
): Promise<{ id: string }> {
  const { token } = await sandboxControl<{ token: string }>(sandbox, 'tokens', {
    label: 'person in GHL',
  });
  // Made before the test, as far as it knows: already in GHL's search index, so no search lag.
  const lag = sandbox.state.searchLag.lagMs();
  sandbox.state.searchLag.setLag(0);
  const response = await sandbox.handle(
    new Request(`${GHL_API_BASE}/contacts/`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        Version: GHL_API_VERSION,
        'Content-Type': 'application/json',
        [SETUP_HEADER]: '1',
      },
      body: JSON.stringify({ locationId: SANDBOX_LOCATION.id, ...fields }),
    }),
  );
  sandbox.state.searchLag.setLag(lag);
  const text = await response.text();
  if (response.status !== 201) throw new Error(`Creating a contact: ${response.status} ${text}`);
  return (JSON.parse(text) as { contact: { id: string } }).contact;
}

/** The contact as the Sandbox GHL holds it now, or undefined once it is gone. */
export function ghlContact(sandbox: Sandbox, id: string): SandboxContact | undefined {
  const found = sandbox.state.data.contacts.get(id);
  return found && structuredClone(found);
}

/** The transcripts of the Trint look-alike. */
export const TRANSCRIPTS = ['tr-alpha', 'tr-bravo', 'tr-charlie'] as const;

/**
 * Starts a test from a known place, through an extension page: every transcript unlinked and the
 * panel's layout forgotten (open, default width).
 */
export async function resetPanelState(extensionPage: Page): Promise<void> {
  for (const transcriptId of TRANSCRIPTS) await ask(extensionPage, 'link/remove', { transcriptId });
  await extensionPage.evaluate(() => chrome.storage.local.remove('panelLayout'));
}

declare const chrome: { storage: { local: { remove(key: string): Promise<void> } } };
