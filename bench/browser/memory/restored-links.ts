// Linked transcripts written straight into the extension's cache, as a restored profile has them.
import type {
  ActivityEntry,
  TranscriptLink,
  TranscriptRecord,
} from '../../../utils/db/cache-schema';
import { narrateActivity } from '../../../utils/transcripts/activity-narrative';
import { blankRecord } from '../../../utils/transcripts/transcript-links';

/** What one linked transcript is in the cache before its contact was ever synced. */
export interface RestoredLink {
  link: TranscriptLink;
  record: TranscriptRecord;
  line: ActivityEntry;
}

/**
 * The rows `link/set` writes for a transcript linked while its contact is not cached (offline, or
 * GHL unreachable): the link, a blank transcript record and the "Transcript linked" line, made
 * with the product's own functions. The contact, its tasks, notes and appointments are left to
 * the sync.
 */
export function restoredLinks(
  contactIds: readonly string[],
  locationId: string,
  linkedAt: number,
): RestoredLink[] {
  return contactIds.map((contactId, i) => {
    const transcriptId = `bench-${i}`;
    const context = { contactId, locationId, contactName: 'a GHL contact', at: linkedAt };
    return {
      link: { transcriptId, contactId, locationId, linkedAt },
      record: blankRecord(transcriptId),
      line: { ...narrateActivity({ kind: 'linked' }, context), transcriptId },
    };
  });
}
