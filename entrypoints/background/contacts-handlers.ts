import type { ConnectionService } from '@/utils/auth/connection-service';
import type { Clock } from '@/utils/clock';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import { MessageRefused, type MessageHandlers } from './message-router';
import { contactSummary } from '@/utils/contacts/contact-match';
import type { ContactIndex } from '@/utils/contacts/contact-index';
import { SEARCH_LIMIT, searchGhl } from '@/utils/contacts/contact-search';
import { suggestContacts } from '@/utils/contacts/contact-suggestions';
import type { SyncSettings } from '@/utils/storage/sync-settings';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import { connectedLocation } from './connected-location';
import type { TrintBudget } from './trint-budget';

/** Others at a business the panel lists at most. */
const BUSINESS_LIMIT = 20;

/** What the contact-finding messages are answered from. */
export interface ContactsHandlerDeps {
  connection: Pick<ConnectionService, 'status' | 'client'>;
  db: CacheDbSource;
  /** The cached contacts in memory: every keystroke's search and the suggestions read them. */
  contactIndex: ContactIndex;
  transcripts: Pick<TranscriptStore, 'cachedContact'>;
  clock: Clock;
  /** The budget all Trint tabs share per location. */
  trintBudget: Pick<TrintBudget, 'spend'>;
  /** What to sync: "Others at this business" may be switched off. */
  settings(): Promise<SyncSettings>;
}

/** Why contacts/business answers nothing: the person switched it off. */
export const BUSINESS_OFF_MESSAGE =
  'Others at this business are switched off in the options (Sync, What to sync).';

type ContactsMessages = 'contacts/search' | 'contacts/suggest' | 'contacts/business';

/**
 * Finding the contact a transcript is about: search (the cache on every keystroke, GHL after a
 * pause), suggestions from the page, and the contact's colleagues. GHL is asked at a person's
 * priority, within the location's shared rate budget and, for a Trint tab, within the budget
 * every Trint tab shares (searches of the cache too: they list cached contacts).
 */
export function createContactsHandlers(
  deps: ContactsHandlerDeps,
): Pick<MessageHandlers, ContactsMessages> {
  const { connection, transcripts } = deps;

  return {
    async 'contacts/search'({ query, source }, role) {
      const locationId = await connectedLocation(connection);
      if (role === 'trint-tab') {
        await deps.trintBudget.spend(
          locationId,
          source === 'cache' ? 'cache-search' : 'ghl-search',
        );
      }
      if (source === 'cache') {
        const found = await deps.contactIndex.search(locationId, query, SEARCH_LIMIT);
        return { contacts: found.map((cached) => contactSummary(cached.contact)) };
      }
      const db = await deps.db.get();
      const found = await searchGhl(db, await connection.client(), query, deps.clock.now());
      return { contacts: found.map((contact) => contactSummary(contact)) };
    },

    async 'contacts/suggest'({ transcriptId, title, speakers }, role) {
      const status = await connection.status();
      // Nothing to suggest from: the panel asks the person to connect first.
      if (status.state === 'not-connected') return { contacts: [] };
      const db = await deps.db.get();
      // The cache's part lists cached contacts like a cache search, and is priced like one.
      if (role === 'trint-tab') await deps.trintBudget.spend(status.locationId, 'cache-search');
      const candidates = await deps.contactIndex.candidates(status.locationId);
      const ask = async (name: string) => {
        // Over the budget the search fails, and suggestions come from the cache alone.
        if (role === 'trint-tab') await deps.trintBudget.spend(status.locationId, 'ghl-search');
        return searchGhl(db, await connection.client(), name, deps.clock.now());
      };
      const contacts = await suggestContacts(
        // While a reconnect is needed GHL is not asked: the cache answers alone.
        { candidates, searchGhl: status.state === 'connected' ? ask : undefined },
        { title: title ?? (await db.get('transcripts', transcriptId))?.title, speakers },
      );
      return { contacts };
    },

    async 'contacts/business'({ contactId }, role) {
      // Switched off: GHL is not asked, whoever asks (the view's `shows` tells a panel not to).
      if (!(await deps.settings()).businessContacts) throw new MessageRefused(BUSINESS_OFF_MESSAGE);
      const locationId = await connectedLocation(connection);
      const businessId = (await transcripts.cachedContact(contactId))?.contact.businessId;
      if (!businessId) return { contacts: [] };
      if (role === 'trint-tab') await deps.trintBudget.spend(locationId, 'business');
      const { ghl } = await connection.client();
      const answer = await ghl.contacts.byBusiness(
        businessId,
        { locationId, limit: BUSINESS_LIMIT },
        { priority: 'user' },
      );
      const others = answer.contacts.filter((contact) => contact.id !== contactId);
      return { contacts: others.map((contact) => contactSummary(contact)) };
    },
  };
}
