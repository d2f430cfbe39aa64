// The product's sync engine run in Node against the browser's own Sandbox, to fill a cache with
// what a full sync stores, for contacts the service worker cannot reach within the bench budget.
import '../../support/extension-env';
import { systemClock } from '../../../utils/clock';
import type { Sandbox } from '../../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../../sandbox/sandbox-fetch';
import { createCacheDbSource } from '../../../utils/db/open-cache-db';
import { createGhlClient } from '../../../utils/ghl/ghl-client';
import { createRateLimiter } from '../../../utils/ghl/rate-limiter';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../../sandbox/sandbox-fixtures';
import { fieldMappingItem } from '../../../utils/storage/field-mapping-item';
import { createSyncEngine } from '../../../utils/sync/sync-engine';
import { DEFAULT_SYNC_SETTINGS } from '../../../utils/storage/sync-settings';
import { createTranscriptStore } from '../../../utils/transcripts/transcript-store';
import type { CacheRows } from './cache-rows';

/** A linked transcript, by ids. */
export interface LinkIds {
  transcriptId: string;
  contactId: string;
}

/**
 * Links `links` in a fresh fake-indexeddb cache, runs the real sync engine (createSyncEngine with
 * the GHL client and rate limiter, without the rest of the background, default settings) once with Sync now over every contact, and answers the rows a full sync leaves: the
 * contacts, their tasks, notes and appointments, and the transcripts' records. Links and timeline
 * lines are not answered: the browser's cache has its own. One run of every contact, not runs of
 * 25: a run plans over every link (one IndexedDB read per linked contact), and fake-indexeddb
 * makes 200 such plans take minutes.
 */
export async function syncInNode(sandbox: Sandbox, links: readonly LinkIds[]): Promise<CacheRows> {
  const clock = systemClock;
  const tokens = { getAccessToken: async () => SANDBOX_TOKENS.readWrite };
  const limiter = createRateLimiter({ clock });
  const ghl = createGhlClient({ fetch: createSandboxFetch(sandbox), tokens, clock, limiter });
  const dbSource = createCacheDbSource(`bench-memory-${Date.now()}`);
  const settings = async () => DEFAULT_SYNC_SETTINGS;
  const client = { credentialId: 'bench', locationId: SANDBOX_LOCATION.id, ghl, tokens };
  const contactIds = new Set(links.map((l) => l.contactId));
  const engine = createSyncEngine({
    db: dbSource,
    clock,
    connection: { client: async () => client },
    settings,
    mapping: fieldMappingItem.read,
    openTranscriptIds: async () => [],
    limiterFor: () => limiter,
    maxContactsPerRun: contactIds.size,
  });
  const transcripts = createTranscriptStore({
    db: dbSource,
    clock,
    settings,
    mapping: fieldMappingItem.read,
  });
  for (const { transcriptId, contactId } of links) {
    await transcripts.link(transcriptId, contactId, SANDBOX_LOCATION.id);
  }
  const result = await engine.run('sync-now');
  if (result.errors.length > 0) {
    throw new Error(`Sync in Node: ${result.errors[0]!.kind}: ${result.errors[0]!.message}`);
  }
  const db = await dbSource.get();
  const contacts = (await db.getAll('contacts')).filter((c) => contactIds.has(c.id));
  const missing = contacts.length < contactIds.size || contacts.some((c) => !c.syncedAt);
  if (missing) throw new Error('Sync in Node: some contacts were never fetched');
  const own = <T extends { contactId: string }>(rows: T[]) =>
    rows.filter((r) => contactIds.has(r.contactId));
  const transcriptIds = new Set(links.map((l) => l.transcriptId));
  const rows: CacheRows = {
    contacts,
    tasks: own(await db.getAll('tasks')),
    notes: own(await db.getAll('notes')),
    appointments: own(await db.getAll('appointments')),
    transcripts: (await db.getAll('transcripts')).filter((r) => transcriptIds.has(r.transcriptId)),
  };
  await dbSource.close();
  return rows;
}
