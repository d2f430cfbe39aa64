import type { AccessRule } from '@/utils/messaging/access-rules';
import { accessRulesOf, type MessageType, type SenderRole } from '@/utils/messaging/protocol';
import type { Outbox } from '@/utils/outbox/outbox';
import type { OutboxJobView } from '@/utils/outbox/outbox-operations';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import {
  MessageRefused,
  type AccessChecked,
  type MessageHandlers,
  type TabFacts,
} from './message-router';
import type { ShownContacts } from './shown-contacts';

/**
 * What a Trint tab may reach, enforced in one place from the rules each message type declares
 * (utils/messaging/access-rules.ts): a Trint tab acts on the transcript its URL shows, that
 * transcript's linked contact and their writes, and on nothing else. Handlers hold no such check.
 */

/** What the access rules are checked against. */
export interface TabAccessDeps {
  transcripts: Pick<TranscriptStore, 'linkOf'>;
  /** The contacts each Trint tab was shown: 'shows contacts' notes them, 'shown contact' asks. */
  shown: Pick<ShownContacts, 'remember' | 'wasShown'>;
  outbox: Pick<Outbox, 'list'>;
}

/** The payload fields the rules read (a test checks each type has those its rules read). */
interface Touches {
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

/**
 * The handlers, each held to the access rules its message type declares whenever a Trint tab
 * sends it: the rules' checks run in order before the handler, their changes to the answer after
 * it. A type a Trint tab may send that declares no rule is refused (the message table's type and
 * a test keep there from being one). Extension pages go straight to the handler.
 */
export function withTabAccess<H extends Partial<MessageHandlers>>(
  handlers: H,
  deps: TabAccessDeps,
): H & AccessChecked {
  const enforcements = createEnforcements(deps);
  const checked: Partial<Record<MessageType, AnyHandler>> = {};
  for (const type of Object.keys(handlers) as MessageType[]) {
    const handler = handlers[type] as AnyHandler;
    const rules = accessRulesOf(type) ?? [];
    checked[type] = async (payload, role, tab) => {
      if (role !== 'trint-tab') return handler(payload, role, tab);
      if (rules.length === 0) {
        throw new MessageRefused(`${type} declares no access rule for a Trint page.`);
      }
      const touches = payload as Touches;
      for (const rule of rules) await enforcements[rule].before?.(touches, tab);
      let answer = await handler(payload, role, tab);
      for (const rule of rules) {
        const after = enforcements[rule].after;
        if (after) answer = await after(answer, tab);
      }
      return answer;
    };
  }
  return checked as H & AccessChecked;
}

/** Any message's handler, as the generic code above calls it. */
type AnyHandler = (payload: unknown, role: SenderRole, tab?: TabFacts) => Promise<unknown>;
