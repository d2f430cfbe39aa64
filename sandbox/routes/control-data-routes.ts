import { z } from 'zod';
import { applyDefined } from '../apply-changes';
import { contactView, normaliseTags } from '../contact-views';
import { notFound } from '../ghl-responses';
import { touch } from '../route-context';
import { validateGhlBody } from '../validate-body';
import { contactOrFail as contact, ID, ok, type ControlRoute } from './control-route';

/** A date the Sandbox can store; anything else is a 422, not a crash. */
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date');

const contactEdit = z.strictObject({
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  companyName: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  assignedTo: z.string().nullable().optional(),
  businessId: z.string().nullable().optional(),
});
const taskEdit = z.strictObject({
  title: z.string().optional(),
  body: z.string().optional(),
  dueDate: isoDate.optional(),
  completed: z.boolean().optional(),
  assignedTo: z.string().nullable().optional(),
});
const noteEdit = z.strictObject({
  body: z.string().optional(),
  title: z.string().nullable().optional(),
  pinned: z.boolean().optional(),
});

/** Changes to contacts, tasks and notes as a person working in GHL would make them. */
export const controlDataRoutes: ControlRoute[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^contacts/${ID}$`),
    handle(state, [, id]) {
      const found = contact(state, id!);
      const tasks = [...state.data.tasks.values()].filter((t) => t.contactId === found.id);
      const notes = [...state.data.notes.values()].filter((n) => n.contactId === found.id);
      return ok({ contact: contactView(found), tasks, notes });
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^contacts/${ID}$`),
    handle(state, [, id], body) {
      const found = contact(state, id!);
      const input = validateGhlBody(contactEdit, body);
      applyDefined(found, input);
      if (input.tags) found.tags = normaliseTags(input.tags);
      touch(found, state);
      return ok({ contact: contactView(found) });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^contacts/${ID}$`),
    handle(state, [, id]) {
      state.deleteContact(contact(state, id!).id);
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^contacts/${ID}/tasks$`),
    handle(state, [, id], body) {
      const owner = contact(state, id!);
      const input = validateGhlBody(taskEdit.required({ title: true }), body);
      const task = {
        id: state.newId('sbxTask'),
        contactId: owner.id,
        title: input.title,
        body: input.body ?? '',
        dueDate: new Date(input.dueDate ?? state.clock.now() + 86_400_000).toISOString(),
        completed: input.completed ?? false,
        assignedTo: input.assignedTo ?? null,
      };
      state.data.tasks.set(task.id, task);
      return ok({ task }, 201);
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^contacts/${ID}/tasks/${ID}$`),
    handle(state, [, id, taskId], body) {
      const task = state.data.tasks.get(taskId!);
      if (!task || task.contactId !== id) throw notFound('Task');
      const input = validateGhlBody(taskEdit, body);
      applyDefined(task, input);
      if (input.dueDate) task.dueDate = new Date(input.dueDate).toISOString();
      return ok({ task });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^contacts/${ID}/tasks/${ID}$`),
    handle(state, [, id, taskId]) {
      const task = state.data.tasks.get(taskId!);
      if (!task || task.contactId !== id) throw notFound('Task');
      state.data.tasks.delete(task.id);
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^contacts/${ID}/notes$`),
    handle(state, [, id], body) {
      const owner = contact(state, id!);
      const input = validateGhlBody(noteEdit.required({ body: true }), body);
      const note = {
        id: state.newId('sbxNote'),
        contactId: owner.id,
        body: input.body,
        title: input.title ?? null,
        userId: null,
        color: null,
        pinned: input.pinned ?? false,
        dateAdded: state.isoNow(),
      };
      state.data.notes.set(note.id, note);
      return ok({ note }, 201);
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^contacts/${ID}/notes/${ID}$`),
    handle(state, [, id, noteId], body) {
      const note = state.data.notes.get(noteId!);
      if (!note || note.contactId !== id) throw notFound('Note');
      applyDefined(note, validateGhlBody(noteEdit, body));
      return ok({ note });
    },
  },
];
