import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import { transcriptExport, type TranscriptExport } from '../transcript-export';

/** Text a note, a field or a title may hold to inject markup into an export. */
export const IMG = '<img src=x onerror=alert(1)>';
export const JS_LINK = '[x](javascript:alert(1))';

/** A linked transcript's view with every part an export carries, some of it hostile. */
export const VIEW: TranscriptView & { link: NonNullable<TranscriptView['link']> } = {
  transcriptId: 'tr1',
  title: 'Call with Jane',
  link: { contactId: 'c1', locationId: 'loc1', linkedAt: 1 },
  mapped: [
    { label: 'Speaker name', text: 'Jane Doe', onCard: false, live: 'name' },
    { label: 'Organisation', text: `Acme ${IMG}`, onCard: true, live: 'companyName' },
    { label: 'Email', text: 'jane_doe@example.com', onCard: true, live: 'email' },
    { label: 'Summary header', text: 'Jane Doe — *Acme*', onCard: false },
    { label: 'Owner', text: JS_LINK, onCard: true },
  ],
  tasks: [],
  notes: [
    {
      id: 'n1',
      title: 'Budget',
      body: `# Not a heading\n${JS_LINK}\n1. not a list\n    not code`,
      pinned: true,
      dateAdded: '2025-01-15T12:00:00.000Z',
    },
    { id: 'n2', body: `Hello ${IMG} & goodbye` },
  ],
  appointments: [],
  activity: [
    {
      at: Date.UTC(2025, 0, 16, 9, 30),
      kind: 'note',
      text: 'Note added: Budget',
      contactId: 'c1',
      url: 'https://app.gohighlevel.com/v2/location/loc1/contacts/detail/c1',
    },
    {
      at: Date.UTC(2025, 0, 14, 8),
      kind: 'contact',
      text: 'Email changed',
      contactId: 'c1',
      url: 'javascript:alert(1)',
    },
  ],
  pending: [],
};

/** The export of {@link VIEW}. */
export const RECORD: TranscriptExport = transcriptExport(VIEW, 'Jane Doe', 'Call with Jane');
