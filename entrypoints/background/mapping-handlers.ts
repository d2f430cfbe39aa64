import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import type { LoadSandbox } from '@/utils/ghl/sandbox-port';
import type { NamesCache } from '@/utils/names/names-cache';
import { customFieldChoices, customFieldNames } from '@/utils/mapping/custom-field-choices';
import type { FieldMapping } from '@/utils/mapping/field-mapping';
import { recomputeIfMappingChanged, recomputeRecords } from '@/utils/mapping/mapping-apply';
import { previewMapping } from '@/utils/transcripts/mapping-preview';
import { mappingProblems } from '@/utils/mapping/mapping-problems';
import { readMapping, writeMapping } from '@/utils/storage/mapping-store';
import { MessageRefused, type MessageHandlers } from './message-router';
import { stableJson } from '@/utils/db/content-hash';
import type { ViewChange } from './transcript-handlers';

/** What the mapping messages are answered from (all in CacheHandlerDeps, plus the connection). */
export interface MappingHandlerDeps {
  db: CacheDbSource;
  connection: Pick<ConnectionService, 'client' | 'status'>;
  /** The Sandbox GHL, whose custom fields are known in Sandbox mode. */
  sandbox: LoadSandbox;
  /** Tells open panels of a transcript that its view changed. */
  tell(change: ViewChange): Promise<void>;
  /** For dates in the records; the runtime's time zone by default. */
  timeZone?: string;
  /** The location's custom field names, where locations/customFields.readonly is granted. */
  names?: Pick<NamesCache, 'get'>;
}

type MappingMessages = 'mapping/get' | 'mapping/save' | 'mapping/preview' | 'mapping/custom-fields';

/**
 * The options page's field mapping: read it, preview a draft against every linked transcript
 * (writing nothing), make it live (stored, records recomputed from the cache, panels told), and
 * the custom fields it can pick from. No GHL request, except a preview asked to be fresh.
 */
export function createMappingHandlers(
  deps: MappingHandlerDeps,
): Pick<MessageHandlers, MappingMessages> {
  return {
    'mapping/get': async () => ({ mapping: await readMapping() }),

    async 'mapping/save'({ mapping }) {
      refuseProblems(mapping, 'was not saved');
      const previous = await readMapping();
      await writeMapping(mapping);
      // Applied as a start reads it back, so the hash noted is the one the start compares.
      const live = await readMapping();
      const changed = await recomputeRecords(await deps.db.get(), live, {
        timeZone: deps.timeZone,
      });
      // The card's fields follow the mapping's order and toggles even where no record changed:
      // a changed mapping re-reads every linked transcript's open panel.
      const told =
        stableJson(previous) === stableJson(live) ? changed : await linkedTranscripts(deps);
      await Promise.all(
        told.map(({ transcriptId, contactId }) =>
          deps.tell({ transcriptId, contactId, what: ['contact'] }),
        ),
      );
      return { mapping: live, updated: changed.length };
    },

    async 'mapping/preview'({ mapping, fresh }) {
      refuseProblems(mapping, 'cannot be previewed');
      return previewMapping(
        { db: await deps.db.get(), connection: deps.connection, timeZone: deps.timeZone },
        mapping,
        { fresh },
      );
    },

    async 'mapping/custom-fields'() {
      const status = await deps.connection.status();
      const sandboxMode = status.state !== 'not-connected' && status.kind === 'sandbox';
      // The location's own definitions when the optional scope lets GHL list them; else, in
      // Sandbox mode, the Sandbox's; else the names the person gave in the mapping.
      const listed = (await deps.names?.get())?.customFields;
      const known = listed ?? (sandboxMode ? (await deps.sandbox()).customFields : undefined);
      const names = customFieldNames(known, await readMapping());
      return { fields: await customFieldChoices(await deps.db.get(), names) };
    },
  };
}

/**
 * At a background start: records last computed with another mapping than the stored one (an
 * upgrade from the 0.1 labels, a save the worker stopped in) are recomputed from the cache, and
 * their open panels told. Nothing happens when they are current. Answers how many changed.
 */
export async function applyStoredMapping(
  deps: Pick<MappingHandlerDeps, 'db' | 'tell' | 'timeZone'>,
): Promise<number> {
  const mapping = await readMapping();
  const changed = await recomputeIfMappingChanged(await deps.db.get(), mapping, {
    timeZone: deps.timeZone,
  });
  await Promise.all(
    (changed ?? []).map(({ transcriptId, contactId }) =>
      deps.tell({ transcriptId, contactId, what: ['contact'] }),
    ),
  );
  return changed?.length ?? 0;
}

/** A mapping with problems is not made live nor previewed: the answer lists them. */
function refuseProblems(mapping: FieldMapping, outcome: string) {
  const problems = mappingProblems(mapping);
  if (problems.length === 0) return;
  const list = problems.map((p) => p.message).join('; ');
  throw new MessageRefused(`The field mapping ${outcome}: ${list}.`);
}

async function linkedTranscripts(deps: MappingHandlerDeps) {
  return (await (await deps.db.get()).getAll('links')).map(({ transcriptId, contactId }) => ({
    transcriptId,
    contactId,
  }));
}
