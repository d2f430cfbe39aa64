import type { JsonSchema } from './schema-check';

/**
 * Where the product sends, or GHL answers, what GHL's OpenAPI files do not say, because public
 * evidence shows real GHL does. The contract tests and the traffic check accept exactly these,
 * and nothing else beyond the spec. Each names its source, so the next person can check it.
 */
export interface EvidenceException {
  /** Body fields the product may send beyond the documented ones. */
  bodyFields?: string[];
  /** The success answer's schema as evidence shows it, from the documented one. */
  answer?: (documented: JsonSchema) => JsonSchema;
  source: string;
}

export const EVIDENCE_EXCEPTIONS: Record<string, EvidenceException> = {
  'update-contact': {
    bodyFields: ['companyName'],
    source:
      'GoHighLevel/highlevel-api-docs#314: PUT /contacts/{id} has a strict whitelist and accepts companyName (checked live)',
  },
  'task-search': {
    // The spec's `tasks` is "array of arrays" with no item schema; answers are task objects.
    answer: () => ({
      type: 'object',
      properties: {
        tasks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'contactId'],
            properties: {
              id: { type: 'string' },
              contactId: { type: 'string' },
              title: { type: 'string' },
              body: { type: 'string' },
              assignedTo: { type: 'string' },
              dueDate: { type: 'string' },
              completed: { type: 'boolean' },
            },
          },
        },
      },
    }),
    source:
      'GoHighLevel/highlevel-api-docs#332: the location task search "returns contactId correctly" for a task, a flat record (no public answer shows a list of lists)',
  },
  'get-calendar-events': {
    // `CalendarEventDTO` types the times as `object`; its own examples are ISO strings.
    answer: (documented) => withStringTimes(documented),
    source:
      'apps/calendars.json CalendarEventDTO\'s own examples (startTime "2023-09-25T16:00:00+05:30"); no public answer shows an object',
  },
};

/** The body fields an operation may send beyond its documented ones. */
export const extraBodyFields = (operationId: string): string[] =>
  EVIDENCE_EXCEPTIONS[operationId]?.bodyFields ?? [];

/** The success answer's schema: the documented one, or what evidence shows instead. */
export const answerSchema = (operationId: string, documented: JsonSchema): JsonSchema =>
  EVIDENCE_EXCEPTIONS[operationId]?.answer?.(documented) ?? documented;

const TIMES = ['startTime', 'endTime', 'dateAdded', 'dateUpdated'];

/** `GetCalendarEventsSuccessfulResponseDTO` with the event times as strings. */
function withStringTimes(documented: JsonSchema): JsonSchema {
  const event = documented.properties?.events?.items ?? {};
  const properties = { ...event.properties };
  for (const time of TIMES) properties[time] = { ...properties[time], type: 'string' };
  return {
    ...documented,
    properties: {
      ...documented.properties,
      events: { type: 'array', items: { ...event, properties } },
    },
  };
}
