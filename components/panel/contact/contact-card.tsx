import { Fragment, type ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { ConfirmDelete } from '../confirm-delete';
import { usePanelActions } from '../panel-actions';
import { formatDayTime } from '../panel-dates';
import type { PanelContact, Shown } from '../panel-records';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { BusinessContacts } from './business-contacts';
import { ContactEdit } from './contact-edit-form';
import { cardFields } from './contact-fields';
import { useNames } from '../use-names';
import { cardContactName } from './contact-name';
import { ContactTags } from './contact-tags';
import { QuickActions } from './quick-actions';

/** Props of {@link ContactCard}. */
export interface ContactCardProps {
  view: TranscriptView;
  /** The cached contact with pending writes applied (`panelRecords(view).contact`). */
  contact: Shown<PanelContact> | undefined;
  /** The transcript page, for "Log transcript" (not offered without it). */
  page?: EditorPage;
  /** Open the Tasks or Notes section with its form (not offered without them). */
  onAddTask?: () => void;
  onAddNote?: () => void;
  /** More of the transcript's actions for the "More" menu (export, unlink). */
  more?: ComponentChildren;
}

/** The contact's page in GHL; both ids are encoded, as they come from storage. */
export function ghlContactUrl(locationId: string, contactId: string): string {
  return `https://app.gohighlevel.com/v2/location/${encodeURIComponent(locationId)}/contacts/detail/${encodeURIComponent(contactId)}`;
}

/**
 * The linked contact, compact: its name, the mapped fields chosen for the card, tags, then one row
 * of quick actions (Log transcript, Add task, Add note, Open in GHL) with the rest behind "More"
 * (synced time, others at the business, edit, delete, and the caller's export and unlink).
 * Pending writes show at once, marked "Saving…"/"Deleting…". With contact details not synced,
 * only the name, a line saying so and the actions. Every value is GHL text rendered as text.
 */
export function ContactCard(props: ContactCardProps) {
  const { view, contact } = props;
  const { canWrite, write, announce } = usePanelActions();
  const names = useNames();
  const heading = useRef<HTMLHeadingElement>(null);
  const record = contact?.record;
  const contactId = view.link?.contactId ?? record?.id;
  if (!contactId) return null;
  const locationId = view.link?.locationId ?? record?.locationId;
  const name = cardContactName(contact, view);
  const deleted = view.contactDeletedAt !== undefined;
  // Nothing to edit once the contact is gone from GHL or on its way out.
  const editable = canWrite && !deleted && contact?.pending !== 'deleting';
  // Settings → What to sync: parts switched off are neither fetched nor shown.
  const details = view.shows?.contactDetails !== false;
  const others = view.shows?.businessContacts !== false;

  const remove = async () => {
    // The Delete button goes with the write controls once the delete is pending (or stays if it
    // is refused): the heading is there either way, so the focus waits on it from the start.
    heading.current?.focus();
    if (await write({ kind: 'contact.delete', contactId })) {
      announce(`Deleting contact ${name} — sending to GHL`);
    }
  };

  return (
    <section class="panel__section contact" aria-label={`Contact ${name}`}>
      <div class="contact__header">
        <h2 ref={heading} class="panel__title" tabIndex={-1}>
          {name}
        </h2>
        {contact?.pending && (
          <span class="panel__pending">
            {contact.pending === 'saving' ? 'Saving…' : 'Deleting…'}
          </span>
        )}
      </div>
      {deleted && (
        <p class="panel__notice panel__notice--alert">This contact was deleted in GHL.</p>
      )}
      {details ? (
        <dl class="panel__facts">
          {cardFields(view, contact, names).map(([label, text]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p class="panel__meta">Contact details are not synced (Settings → What to sync)</p>
      )}
      {details && record && (
        <ContactTags contactId={contactId} tags={record.tags} editable={editable} />
      )}
      <QuickActions
        contactId={contactId}
        name={name}
        page={deleted ? undefined : props.page}
        ghlUrl={locationId && ghlContactUrl(locationId, contactId)}
        logged={view.link?.logNoteId !== undefined}
        onAddTask={deleted ? undefined : props.onAddTask}
        onAddNote={deleted ? undefined : props.onAddNote}
        more={
          <>
            {view.syncedAt !== undefined && (
              <p class="panel__meta">
                Synced with GHL {formatDayTime(new Date(view.syncedAt).toISOString())}
              </p>
            )}
            {others && record?.businessId && !deleted && (
              <BusinessContacts key={contactId} contactId={contactId} />
            )}
            {details && record && editable && (
              <div class="panel__actions contact__actions">
                <ContactEdit contact={record} name={name} />
                <ConfirmDelete
                  label="Delete"
                  what={`contact ${name} in GHL`}
                  consequence="The contact, its tasks and notes are deleted in GHL for everyone. This transcript stays, unlinked."
                  onConfirm={() => void remove()}
                />
              </div>
            )}
            {props.more}
          </>
        }
      />
    </section>
  );
}
