import { describe, expect, it } from 'vitest';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { prefillNewContact, type NewContactValues } from '../contact-prefill';

const page = (title: string | undefined, speakers: string[] = []): EditorPage => ({
  transcriptId: 'tr1',
  title,
  speakers,
});
const EMPTY: NewContactValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  companyName: '',
};

describe('prefillNewContact', () => {
  it.each<[string, string, EditorPage, Partial<NewContactValues>]>([
    ['an email query', 'jane@acme.com', page(undefined, ['Jane Doe']), { email: 'jane@acme.com' }],
    ['an email query, trimmed', '  jane@acme.com ', page(undefined), { email: 'jane@acme.com' }],
    [
      'a phone query',
      '+1 (555) 010-0199',
      page(undefined, ['Jane Doe']),
      { phone: '+1 (555) 010-0199' },
    ],
    ['a short number is a phone too', '55501', page(undefined), { phone: '55501' }],
    [
      'a name query',
      'Jane Doe',
      page(undefined, ['Hank Scorpio']),
      { firstName: 'Jane', lastName: 'Doe' },
    ],
    ['a one-word name', 'Jane', page(undefined), { firstName: 'Jane', lastName: '' }],
    [
      'a name with a particle keeps it in the last name',
      '  Jane  van   Doe ',
      page(undefined),
      { firstName: 'Jane', lastName: 'van Doe' },
    ],
    [
      'no query: the first speaker who is a person',
      '',
      page(undefined, [
        'Host',
        'Interviewer',
        'Speaker 1',
        'speaker2',
        'Unknown',
        'Hank Scorpio',
        'Jane Doe',
      ]),
      { firstName: 'Hank', lastName: 'Scorpio' },
    ],
    [
      'a blank query is no query',
      '   ',
      page(undefined, ['Guest', 'Moderator', 'Jane Doe']),
      { firstName: 'Jane', lastName: 'Doe' },
    ],
    [
      'only placeholder speakers: no name',
      '',
      page(undefined, ['Host', 'Speaker 2', ' guest ']),
      {},
    ],
    ['no query and no speakers: nothing', '', page(undefined), {}],
    [
      'a title "… with <company>"',
      '',
      page('Discovery call with Acme Corp'),
      { companyName: 'Acme Corp' },
    ],
    ['a title "… — <company>"', '', page('Quarterly review — Globex'), { companyName: 'Globex' }],
    ['a title "… – <company>"', '', page('Kickoff – Initech'), { companyName: 'Initech' }],
    ['a title "… - <company>"', '', page('Kickoff - Initech '), { companyName: 'Initech' }],
    ['a title with a colon names no company', '', page('Podcast interview: Hank Scorpio'), {}],
    ['a hyphenated word names no company', '', page('Follow-up notes'), {}],
    ['no title', '', page(undefined), {}],
    [
      'the company alongside a typed email',
      'hank@globex.com',
      page('Quarterly review — Globex'),
      { email: 'hank@globex.com', companyName: 'Globex' },
    ],
    [
      'the company alongside a speaker name',
      '',
      page('Discovery call with Acme Corp', ['Jane Doe']),
      { firstName: 'Jane', lastName: 'Doe', companyName: 'Acme Corp' },
    ],
  ])('%s', (_name, query, editorPage, expected) => {
    expect(prefillNewContact(query, editorPage)).toEqual({ ...EMPTY, ...expected });
  });
});
