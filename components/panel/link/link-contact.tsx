import { useState } from 'preact/hooks';
import { errorWords, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { ContactSummary } from '@/utils/messaging/protocol';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { usePanelActions } from '../panel-actions';
import { ContactResult } from './contact-result';
import { prefillNewContact } from './contact-prefill';
import { CreateContactForm } from './create-contact-form';
import { useContactSearch } from './use-contact-search';
import { useSuggestions } from './use-suggestions';

/** Props of {@link LinkContact}. */
export interface LinkContactProps {
  page: EditorPage;
  view: TranscriptView;
  /** The connected location: a new contact is created there. */
  locationId: string;
  onLinked(view: TranscriptView): void;
}

/**
 * No contact is linked yet: a search (the cache at once, GHL as typing pauses), suggestions from
 * the page until something is typed, and "Create a new contact" prefilled from the page when
 * nothing matches.
 */
export function LinkContact({ page, view, locationId, onLinked }: LinkContactProps) {
  const { transcriptId, canWrite, online, announce } = usePanelActions();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState(false);
  const suggestions = useSuggestions(page);
  const search = useContactSearch(query, online);
  const created = view.pending.find(
    (job) => job.kind === 'contact.create' && job.status !== 'failed',
  );

  async function link(contact: ContactSummary) {
    setLinking(true);
    try {
      onLinked(await sendTrintMessage('link/set', { transcriptId, contactId: contact.id }));
      announce(`Linked ${contact.name} to this transcript.`);
    } catch (error) {
      announce(errorWords(error, 'Could not link.'), 'alert');
    } finally {
      setLinking(false);
    }
  }
  const result = (contact: ContactSummary) => (
    <ContactResult key={contact.id} contact={contact} canLink busy={linking} onLink={link} />
  );

  if (created) {
    return (
      <section class="panel__section" aria-label="Link a GHL contact">
        <p class="panel__notice" role="status">
          {created.summary}: sending to GHL. It links to this transcript when GHL has it.
        </p>
      </section>
    );
  }
  const searched = query.trim() !== '';
  return (
    <section class="panel__section" aria-labelledby="ghl-link-title">
      <h2 id="ghl-link-title" class="panel__title" tabIndex={-1}>
        Link a GHL contact
      </h2>
      <p class="panel__empty">
        No GHL contact is linked to this transcript. Find one or create it.
      </p>
      <div class="panel__field">
        <label for="ghl-contact-search">Search GHL contacts</label>
        <input
          id="ghl-contact-search"
          type="search"
          class="panel__input"
          placeholder="Name, email or phone"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      {/* Always in the page, so each new count is announced (a live region must exist first). */}
      <p class="panel__meta panel__live" role="status">
        {searched &&
          (search.searchingGhl
            ? `${search.results.length} found so far, searching GHL…`
            : `${search.results.length} ${search.results.length === 1 ? 'contact' : 'contacts'} found`)}
        {searched && !online && ' (offline: only contacts already on this computer)'}
      </p>
      {searched && (
        <>
          {search.error && (
            <p class="panel__meta">
              {search.error}{' '}
              <button
                type="button"
                class="panel__button panel__button--link"
                onClick={search.retry}
              >
                Search GHL again
              </button>
            </p>
          )}
          {search.results.length > 0 && (
            <ul class="panel__list" aria-label="Search results">
              {search.results.map(result)}
            </ul>
          )}
        </>
      )}
      {/* Below the search field: up to 8 suggestions, each a tab stop, must not stand between
          the panel's top and the search (the shortcut's target). */}
      {suggestions && suggestions.length > 0 && !searched && (
        <>
          <h3 class="panel__subtitle">Suggested from this transcript</h3>
          <ul class="panel__list" aria-label="Suggested contacts">
            {suggestions.map(result)}
          </ul>
        </>
      )}
      {canWrite &&
        (creating ? (
          <CreateContactForm
            locationId={locationId}
            initial={prefillNewContact(query, page)}
            onClose={() => setCreating(false)}
          />
        ) : (
          <button type="button" class="panel__button" onClick={() => setCreating(true)}>
            Create a new contact
          </button>
        ))}
    </section>
  );
}
