import type { AccessRule } from '@/utils/messaging/access-rules';
import type { Outbox } from '@/utils/outbox/outbox';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import { MessageRefused, type TabFacts } from './message-router';
import type { ShownContacts } from './shown-contacts';

/**
 * How each access rule (utils/messaging/access-rules.ts) is checked: a Trint tab acts on the
 * transcript its URL shows, that transcript's linked contact and their writes, and on nothing
 * else. tab-access.ts applies them to every handler.
 */

/** What the access rules are checked against. */
export interface TabAccessDeps {
  transcripts: Pick<TranscriptStore, 'linkOf'>;
  /** The contacts each Trint tab was shown: 'shows contacts' notes them, 'shown contact' asks. */
  shown: Pick<ShownContacts, 'remember' | 'wasShown'>;
  outbox: Pick<Outbox, 'list'>;
}

/** The payload fields the rules read (a test checks each type has those its rules read). */
export interface Touches {
  transcriptId?: string;
  contactId?: string;
  operation?: object;
  id?: string;
}

/** How one rule is enforced: a check before the handler runs, or a change to its answer after. */
interface Enforcement {
  before?(payload: Touches, tab: TabFacts | undefined): Promise<void>;
  after?(answer: unknown, tab: TabFacts | undefined): Promise<unknown>;
}

/** Every rule, enforced: a rule without an enforcement does not compile. */
export type Enforcements = Record<AccessRule, Enforcement>;

/** The enforcement of each access rule, against the tab's transcript, link, writes and views. */
export function createEnforcements(deps: TabAccessDeps): Enforcements {
  /** The contact the tab's transcript links to, if any. */
  async function linkedContact(tab: TabFacts | undefined) {
    return tab?.transcriptId
      ? (await deps.transcripts.linkOf(tab.transcriptId))?.contactId
      : undefined;
  }

  /** The writes of the tab's own transcript and of the contact that transcript links to. */
  async function visibleJobs(jobs: OutboxJobView[], tab: TabFacts | undefined) {
    const contactId = await linkedContact(tab);
    return jobs.filter(
      (job) =>
        (tab?.transcriptId !== undefined && job.transcriptId === tab.transcriptId) ||
        (contactId !== undefined && job.contactId === contactId),
    );
  }

  return {
    none: {},
    'own transcript': {
      async before({ transcriptId }, tab) {
        if (!transcriptId || tab?.transcriptId !== transcriptId) {
          throw new MessageRefused('A Trint page may only work on the transcript it shows.');
        }
      },
    },
    'shown contact': {
      async before({ contactId }, tab) {
        if ((await linkedContact(tab)) === contactId) return;
        if (tab?.tabId !== undefined && contactId !== undefined) {
          if (await deps.shown.wasShown(tab.tabId, contactId)) return;
        }
        throw new MessageRefused('Find the contact with the search first.');
      },
    },
    'own contact': {
      async before(payload, tab) {
        const named = namedContact(payload);
        if (named && (await linkedContact(tab)) !== named.contactId) {
          throw new MessageRefused(
            'A Trint page may only reach the contact its transcript links to.',
          );
        }
      },
    },
    'own job': {
      async before({ id }, tab) {
        const visible = await visibleJobs(await deps.outbox.list(), tab);
        if (!visible.some((job) => job.id === id)) {
          throw new MessageRefused(
            'A Trint page may only act on the writes of its own transcript.',
          );
        }
      },
    },
    'own jobs': {
      after: (answer, tab) => visibleJobs(answer as OutboxJobView[], tab),
    },
    'shows contacts': {
      async after(answer, tab) {
        if (tab?.tabId !== undefined) {
          const { contacts } = answer as { contacts: { id: string }[] };
          await deps.shown.remember(
            tab.tabId,
            contacts.map((contact) => contact.id),
          );
        }
        return answer;
      },
    },
  };
}

/**
 * What a payload names as its contact: its own `contactId`, else its write's. A write that names
 * none (one that creates a contact) touches no existing contact.
 */
function namedContact(payload: Touches): { contactId?: unknown } | undefined {
  if ('contactId' in payload) return payload;
  const { operation } = payload;
  return operation && 'contactId' in operation ? operation : undefined;
}
