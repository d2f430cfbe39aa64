import { tagsBody } from '../../utils/ghl/schemas/tag-schemas';
import { normaliseTags } from '../contact-views';
import { contactOf, touch, type SandboxRoute } from '../route-context';
import { validateGhlBody } from '../validate-body';

/** Tags (add, remove; both change the contact's dateUpdated) and a contact's appointments. */
export const tagAndAppointmentRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/contacts/{contactId}/tags',
    scope: 'contacts.write',
    handle(context) {
      const contact = contactOf(context);
      const { tags } = validateGhlBody(tagsBody, context.body);
      contact.tags = normaliseTags([...contact.tags, ...tags]);
      touch(contact, context.state);
      return { status: 201, body: { tags: [...contact.tags] } };
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/tags',
    scope: 'contacts.write',
    handle(context) {
      const contact = contactOf(context);
      const removed = new Set(normaliseTags(validateGhlBody(tagsBody, context.body).tags));
      contact.tags = contact.tags.filter((tag) => !removed.has(tag));
      touch(contact, context.state);
      return { status: 200, body: { tags: [...contact.tags] } };
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}/appointments',
    scope: 'contacts.readonly',
    handle(context) {
      const contact = contactOf(context);
      const events = [...context.state.data.appointments.values()]
        .filter((a) => a.contactId === contact.id)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map(({ ...appointment }) => appointment);
      return { status: 200, body: { events } };
    },
  },
];
