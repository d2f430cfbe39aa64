import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ContactSummary } from '@/utils/messaging/protocol';
import { errorWords, sendTrintMessage } from '@/utils/messaging/send-trint-message';

/** Props of {@link BusinessContacts}. */
export interface BusinessContactsProps {
  /** The linked contact; the background finds its business and leaves it out of the list. */
  contactId: string;
}

type Load =
  | { state: 'idle' | 'loading' }
  | { state: 'loaded'; contacts: ContactSummary[] }
  | { state: 'failed'; message: string };

/**
 * "Others at this business": a closed disclosure that asks GHL (through the background) for the
 * business's other contacts only when opened, since most people never open it. Read-only.
 */
export function BusinessContacts({ contactId }: BusinessContactsProps) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const request = useRef(0);
  const id = useId();
  // An answer arriving after the card is gone, or after a newer request, is dropped.
  useEffect(
    () => () => {
      request.current += 1;
    },
    [],
  );

  const fetchOthers = async () => {
    const mine = ++request.current;
    setLoad({ state: 'loading' });
    try {
      const { contacts } = await sendTrintMessage('contacts/business', { contactId });
      if (mine !== request.current) return;
      setLoad({ state: 'loaded', contacts: contacts.filter((other) => other.id !== contactId) });
    } catch (error) {
      if (mine !== request.current) return;
      const message = errorWords(error, 'Something went wrong on the way to GHL.');
      setLoad({ state: 'failed', message });
    }
  };

  const toggle = () => {
    setOpen(!open);
    if (!open && load.state === 'idle') void fetchOthers();
  };

  return (
    <div class="contact__business">
      <button
        type="button"
        class="panel__button panel__button--link"
        aria-expanded={open}
        aria-controls={`${id}-others`}
        onClick={toggle}
      >
        Others at this business
      </button>
      <div id={`${id}-others`} hidden={!open}>
        {open && <Others load={load} retry={() => void fetchOthers()} />}
      </div>
    </div>
  );
}

function Others({ load, retry }: { load: Load; retry(): void }) {
  switch (load.state) {
    case 'idle':
    case 'loading':
      return <p class="panel__meta">Loading…</p>;
    case 'failed':
      return (
        <div class="panel__notice panel__notice--alert">
          <p class="contact__business-error">
            Could not load the others at this business. {load.message}
          </p>
          <button type="button" class="panel__button" onClick={retry}>
            Retry
          </button>
        </div>
      );
    case 'loaded':
      if (load.contacts.length === 0) {
        return <p class="panel__empty">No one else at this business in GHL.</p>;
      }
      return (
        <ul class="panel__list" aria-label="Others at this business">
          {load.contacts.map((other) => (
            <li class="panel__item" key={other.id}>
              <span class="contact__other-name">{other.name}</span>
              {(other.email || other.phone) && (
                <span class="panel__meta">
                  {[other.email, other.phone].filter(Boolean).join(' · ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      );
  }
}
