import type { ContactSummary } from '@/utils/messaging/protocol';

/** Props of {@link ContactResult}. */
export interface ContactResultProps {
  contact: ContactSummary;
  canLink: boolean;
  busy: boolean;
  onLink(contact: ContactSummary): void;
}

/** One contact found by a search or suggested, with a Link button that names it. */
export function ContactResult({ contact, canLink, busy, onLink }: ContactResultProps) {
  const details = [contact.email, contact.phone, contact.companyName].filter(Boolean).join(' · ');
  return (
    <li class="panel__item panel__result">
      <div class="panel__result-text">
        <strong>{contact.name}</strong>
        {details && <span class="panel__meta">{details}</span>}
        {contact.reason && <span class="panel__meta">{contact.reason}</span>}
      </div>
      {canLink && (
        <button
          type="button"
          class="panel__button panel__button--primary"
          aria-label={`Link ${contact.name}`}
          disabled={busy}
          onClick={() => onLink(contact)}
        >
          Link
        </button>
      )}
    </li>
  );
}
