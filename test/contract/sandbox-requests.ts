import { GHL_API_BASE, GHL_API_VERSION } from '../../utils/ghl/api-constants';
import type { GHL_ENDPOINTS } from '../../utils/ghl/endpoints';
import { SANDBOX_LOCATION, SANDBOX_TOKENS } from '../../sandbox/sandbox-fixtures';
import type { Sandbox } from '../../sandbox/sandbox-handler';

/**
 * Valid requests for every operation in GHL_ENDPOINTS, made against a fresh Sandbox, creating
 * first whatever the request needs (a task before it is updated).
 */

/** A seeded contact (Acme Corp, so it has a business id). */
export const SAM = 'sbxContSamLee0000001';
const ACME = 'sbxBizAcme0000000001';
const LOCATION = SANDBOX_LOCATION.id;
const DAY = 24 * 60 * 60_000;

/** What the client sends on every call. */
export const CLIENT_HEADERS = {
  Version: GHL_API_VERSION,
  Authorization: `Bearer ${SANDBOX_TOKENS.readWrite}`,
};

/** Status and parsed JSON body of a Sandbox answer. */
export interface SandboxAnswer {
  status: number;
  body: unknown;
}

/** Sends one JSON call to the Sandbox, with the client's headers unless others are given. */
export async function callSandbox(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = CLIENT_HEADERS,
): Promise<SandboxAnswer> {
  const response = await sandbox.handle(
    new Request(`${GHL_API_BASE}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** A request for one endpoint: its path parameters, query and JSON body. */
export interface EndpointRequest {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const NEW_TASK = { title: 'Send the proposal', dueDate: '2030-01-15T10:00:00Z', completed: false };
const NEW_NOTE = { body: 'Discussed pricing on the call.', title: 'Call summary' };

/** Creates a task or note on Sam and returns its id. */
async function create(sandbox: Sandbox, kind: 'tasks' | 'notes', body: object): Promise<string> {
  const answer = await callSandbox(sandbox, 'POST', `/contacts/${SAM}/${kind}`, body);
  const record = (answer.body as Record<string, { id?: string } | undefined>)[kind.slice(0, -1)];
  if (answer.status !== 201 || !record?.id) {
    throw new Error(`Setup failed: POST ${kind} answered ${answer.status}`);
  }
  return record.id;
}

const taskParams = async (sandbox: Sandbox) => ({
  contactId: SAM,
  taskId: await create(sandbox, 'tasks', NEW_TASK),
});
const noteParams = async (sandbox: Sandbox) => ({
  contactId: SAM,
  id: await create(sandbox, 'notes', NEW_NOTE),
});
const onSam = { params: { contactId: SAM } };

/** For every endpoint, a valid request (typed by the table, so a new endpoint needs one here). */
export const VALID_REQUESTS: Record<
  keyof typeof GHL_ENDPOINTS,
  (sandbox: Sandbox) => Promise<EndpointRequest>
> = {
  getContact: async () => onSam,
  listContacts: async () => ({ params: {}, query: { locationId: LOCATION, limit: '5' } }),
  searchContacts: async () => ({
    params: {},
    body: { locationId: LOCATION, pageLimit: 5, query: 'lee' },
  }),
  getBusinessContacts: async () => ({
    params: { businessId: ACME },
    query: { locationId: LOCATION },
  }),
  findDuplicateContact: async () => ({
    params: {},
    query: { locationId: LOCATION, email: 'jane.doe@acme.example' },
  }),
  createContact: async () => ({
    params: {},
    body: {
      locationId: LOCATION,
      firstName: 'Robin',
      lastName: 'Contract',
      email: 'robin.contract@example.com',
      tags: ['contract-test'],
    },
  }),
  updateContact: async () => ({ ...onSam, body: { firstName: 'Samuel', tags: ['vip'] } }),
  deleteContact: async () => onSam,
  listTasks: async () => onSam,
  getTask: async (sandbox) => ({ params: await taskParams(sandbox) }),
  createTask: async () => ({ ...onSam, body: NEW_TASK }),
  updateTask: async (sandbox) => ({
    params: await taskParams(sandbox),
    body: { title: 'Send the revised proposal', dueDate: '2030-01-20T10:00:00Z' },
  }),
  setTaskCompleted: async (sandbox) => ({
    params: await taskParams(sandbox),
    body: { completed: true },
  }),
  deleteTask: async (sandbox) => ({ params: await taskParams(sandbox) }),
  addTags: async () => ({ ...onSam, body: { tags: ['contract-test'] } }),
  removeTags: async () => ({ ...onSam, body: { tags: ['contract-test'] } }),
  listNotes: async () => onSam,
  getNote: async (sandbox) => ({ params: await noteParams(sandbox) }),
  createNote: async () => ({ ...onSam, body: NEW_NOTE }),
  updateNote: async (sandbox) => ({
    params: await noteParams(sandbox),
    body: { body: 'Pricing agreed.', pinned: true },
  }),
  deleteNote: async (sandbox) => ({ params: await noteParams(sandbox) }),
  listAppointments: async () => onSam,
  listLocationUsers: async () => ({ params: {}, query: { locationId: LOCATION } }),
  listCustomFields: async () => ({ params: { locationId: LOCATION }, query: { model: 'contact' } }),
  searchLocationTasks: async () => ({
    params: { locationId: LOCATION },
    body: { contactId: [SAM], completed: false, limit: 10, skip: 0 },
  }),
  listCalendars: async () => ({ params: {}, query: { locationId: LOCATION } }),
  // The seeded appointments lie within 30 days of now.
  listCalendarEvents: async () => ({
    params: {},
    query: {
      locationId: LOCATION,
      calendarId: 'sbxCalendarSales0001',
      startTime: String(Date.now() - 40 * DAY),
      endTime: String(Date.now() + 40 * DAY),
    },
  }),
};
