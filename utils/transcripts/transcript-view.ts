/** The panel's view of one transcript, part of the wire contract: re-exported for its users. */
export {
  activityViewSchema,
  mappedFieldViewSchema,
  syncedPartsSchema,
  transcriptViewSchema,
  type MappedFieldView,
  type SyncedParts,
  type TranscriptView,
} from '../messaging/transcript-view-schema';
