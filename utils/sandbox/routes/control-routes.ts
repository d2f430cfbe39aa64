import { z } from 'zod';
import { applyDefined } from '../apply-changes';
import { contactView, normaliseTags } from '../contact-views';
import { faultsInput } from '../faults';
import { ghlError, notFound, type SandboxReply } from '../ghl-responses';
import { OTHER_LOCATION, SANDBOX_LOCATION, SANDBOX_TOKENS } from '../sandbox-fixtures';
import type { SandboxContact } from '../sandbox-records';
import type { SandboxState } from '../sandbox-state';
import { validateGhlBody } from '../validate-body';
import { touch } from '../route-context';

/**
 * The control API under /__sandbox/, for tests and the demo: edit data as a person in GHL would,
 * revoke tokens, inject faults, tune rate limits and read counters. It is not GHL: it needs no
 * token, is not rate-limited, and is left out of counters and the traffic log.
 */
interface ControlRoute {
  method: string;
  pattern: RegExp;
  handle(state: SandboxState, match: string[], body: unknown): SandboxReply;
}

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
  dueDate: z.string().optional(),
  completed: z.boolean().optional(),
  assignedTo: z.string().nullable().optional(),
});
const noteEdit = z.strictObject({
  body: z.string().optional(),
  title: z.string().nullable().optional(),
  pinned: z.boolean().optional(),
});

function contact(state: SandboxState, id: string): SandboxContact {
  const found = state.data.contacts.get(id);
  if (!found) throw notFound('Contact');
  return found;
}

function ok(body: unknown = { ok: true }, status = 200): SandboxReply {
  return { status, body };
}

const ID = '([^/]+)';
const routes: ControlRoute[] = [
  {
    method: 'GET',
    pattern: /^$/,
    handle: (state) =>
      ok({
        locations: [SANDBOX_LOCATION, OTHER_LOCATION],
        tokens: SANDBOX_TOKENS,
        contacts: state.data.contacts.size,
        rateLimits: state.buckets.limits(),
        faults: state.faults.describe(),
      }),
  },
  {
    method: 'POST',
    pattern: /^reset$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          contacts: z.number().int().min(1).max(100_000).optional(),
          seed: z.number().int().optional(),
        }),
        body ?? {},
      );
      state.reset(input);
      return ok({ contacts: state.data.contacts.size });
    },
  },
  { method: 'GET', pattern: /^counters$/, handle: (state) => ok(state.counters) },
  {
    method: 'POST',
    pattern: /^counters\/reset$/,
    handle(state) {
      state.counters = { total: 0, byEndpoint: {}, byToken: {}, byStatus: {} };
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: /^faults$/,
    handle(state, _m, body) {
      state.faults.arm(validateGhlBody(faultsInput, body));
      return ok(state.faults.describe());
    },
  },
  {
    method: 'DELETE',
    pattern: /^faults$/,
    handle(state) {
      state.faults.clear();
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: /^rate-limits$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          max: z.number().int().min(1).optional(),
          intervalMs: z.number().int().min(1).optional(),
          dailyLimit: z.number().int().min(1).optional(),
          consume: z
            .strictObject({ locationId: z.string().optional(), count: z.number().int().min(1) })
            .optional(),
        }),
        body,
      );
      const { consume, ...limits } = input;
      state.buckets.configure(limits);
      if (consume) state.buckets.consume(consume.locationId ?? SANDBOX_LOCATION.id, consume.count);
      return ok(state.buckets.limits());
    },
  },
  {
    method: 'POST',
    pattern: /^settings$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({ tokenTtlSeconds: z.number().int().min(1) }),
        body,
      );
      state.settings.tokenTtlSeconds = input.tokenTtlSeconds;
      return ok(state.settings);
    },
  },
  {
    method: 'POST',
    pattern: /^tokens$/,
    handle(state, _m, body) {
      const input = validateGhlBody(
        z.strictObject({
          locationId: z.string().optional(),
          scopes: z.array(z.string()).optional(),
          ttlSeconds: z.number().int().min(1).optional(),
          label: z.string().optional(),
        }),
        body ?? {},
      );
      return ok({ token: state.auth.mint(input) }, 201);
    },
  },
  {
    method: 'POST',
    pattern: /^tokens\/revoke$/,
    handle(state, _m, body) {
      const { token } = validateGhlBody(z.strictObject({ token: z.string() }), body);
      if (!state.auth.revoke(token)) throw ghlError(404, 'Token not found');
      return ok();
    },
  },
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
      contact(state, id!);
      state.data.contacts.delete(id!);
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
      applyDefined(task, validateGhlBody(taskEdit, body));
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

/** Runs a control request (`path` is what follows /__sandbox/). */
export function controlRoute(
  state: SandboxState,
  method: string,
  path: string,
  body: unknown,
): SandboxReply {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return route.handle(state, [...match], body);
  }
  throw ghlError(404, `Cannot ${method} /__sandbox/${path}`);
}
