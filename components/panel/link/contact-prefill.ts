import type { EditorPage } from '@/utils/trint/transcript-page';
import type { ContactFormValues } from '../contact/contact-validation';

/** What the create form starts with: the contact fields plus the company. */
export type NewContactValues = ContactFormValues & { companyName: string };

/** Speaker labels that are roles or placeholders, not people. */
const GENERIC_SPEAKER = /^(host|interviewer|interviewee|moderator|speaker\s*\d*|unknown|guest)$/i;
/** "Discovery call with Acme Corp", "Quarterly review — Globex": the part after is the company. */
const TITLE_COMPANY = /(?:\bwith\s+|\s[—–-]\s+)([^—–:|]+?)\s*$/i;

/** Splits "Jane van Doe" into first "Jane" and last "van Doe". */
function splitName(name: string): Pick<NewContactValues, 'firstName' | 'lastName'> {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

/**
 * The new contact as far as the page tells: what the person searched for (an email, a phone or a
 * name), else the first speaker who is a person; the company from a title such as "Call with
 * Acme Corp". The person checks and edits all of it before anything is sent.
 */
export function prefillNewContact(query: string, page: EditorPage): NewContactValues {
  const values: NewContactValues = {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    companyName: page.title?.match(TITLE_COMPANY)?.[1]?.trim() ?? '',
  };
  const typed = query.trim();
  if (typed.includes('@')) return { ...values, email: typed };
  if (/^[+\d\s().-]{5,}$/.test(typed)) return { ...values, phone: typed };
  const speaker = page.speakers.find((name) => !GENERIC_SPEAKER.test(name.trim()));
  const name = typed || speaker;
  return name ? { ...values, ...splitName(name) } : values;
}
