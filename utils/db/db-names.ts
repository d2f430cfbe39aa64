/**
 * The IndexedDB databases of the extension origin. The cache (contacts, tasks, notes, links,
 * outbox…) and the credentials live apart so that wiping one never touches the other:
 * "Disconnect" removes credentials and keeps queued writes unless the person confirms.
 */
export const CACHE_DB_NAME = 'ghl-for-trint';
