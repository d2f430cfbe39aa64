import { createNoteBody, updateNoteBody } from '../../utils/ghl/schemas/note-schemas';
import { applyDefined } from '../apply-changes';
import { withoutEmpty } from '../contact-views';
import { notFound } from '../ghl-responses';
import { contactOf, type RouteContext, type SandboxRoute } from '../route-context';
import type { SandboxNote } from '../sandbox-records';
import { validateGhlBody } from '../validate-body';

/** `GetNoteSchema` as served. */
function noteView(note: SandboxNote) {
  return withoutEmpty({
    id: note.id,
    body: note.body,
    userId: note.userId,
    dateAdded: note.dateAdded,
    contactId: note.contactId,
    title: note.title,
    color: note.color,
    pinned: note.pinned,
  });
}

function noteOf(context: RouteContext): SandboxNote {
  const contact = contactOf(context);
  const note = context.state.data.notes.get(context.params.id ?? '');
  if (!note || note.contactId !== contact.id) throw notFound('Note');
  return note;
}

/** A contact's notes: list (newest first), get, create, update, delete. */
export const noteRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/contacts/{contactId}/notes',
    scope: 'contacts.readonly',
    handle(context) {
      const contact = contactOf(context);
      const notes = [...context.state.data.notes.values()]
        .filter((n) => n.contactId === contact.id)
        .sort((a, b) => Date.parse(b.dateAdded) - Date.parse(a.dateAdded));
      return { status: 200, body: { notes: notes.map(noteView) } };
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}/notes/{id}',
    scope: 'contacts.readonly',
    handle: (context) => ({ status: 200, body: { note: noteView(noteOf(context)) } }),
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/notes',
    scope: 'contacts.write',
    handle(context) {
      const contact = contactOf(context);
      const input = validateGhlBody(createNoteBody, context.body);
      const note: SandboxNote = {
        id: context.state.newId('sbxNote'),
        contactId: contact.id,
        body: input.body,
        title: input.title ?? null,
        userId: input.userId ?? context.grant.userId,
        color: input.color ?? null,
        pinned: input.pinned ?? false,
        dateAdded: context.state.isoNow(),
      };
      context.state.data.notes.set(note.id, note);
      return { status: 201, body: { note: noteView(note) } };
    },
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}/notes/{id}',
    scope: 'contacts.write',
    handle(context) {
      const note = noteOf(context);
      const input = validateGhlBody(updateNoteBody, context.body);
      applyDefined(note, input);
      return { status: 200, body: { note: noteView(note) } };
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/notes/{id}',
    scope: 'contacts.write',
    handle(context) {
      context.state.data.notes.delete(noteOf(context).id);
      return { status: 200, body: { succeded: true } };
    },
  },
];
