import { unprocessable } from '../ghl-responses';
import { readQuery } from '../query-params';
import { requireOwnLocation, type SandboxRoute } from '../route-context';
import { SANDBOX_CUSTOM_FIELDS, SANDBOX_LOCATION, SANDBOX_USERS } from '../sandbox-fixtures';

/** The custom field models GET /locations/:id/customFields takes (apps/locations.json). */
const MODELS = new Set(['contact', 'opportunity', 'all']);

/**
 * What names people and fields at a location: its users (GET /users/, `get-user-by-location`,
 * users.readonly) and its custom field definitions (GET /locations/{locationId}/customFields,
 * `get-custom-fields`, locations/customFields.readonly). The seeded location has the users its
 * contacts and tasks are assigned to and the custom fields its contacts fill; any other location
 * has none. A token without the scope is refused before these run (ghl-pipeline.ts).
 */
export const locationNameRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/users/',
    scope: 'users.readonly',
    handle({ query, grant }) {
      const q = readQuery(query, { locationId: 'required-string' });
      requireOwnLocation(grant, q.locationId as string);
      const users = grant.locationId === SANDBOX_LOCATION.id ? SANDBOX_USERS : [];
      return { status: 200, body: { users: users.map((user) => ({ ...user, deleted: false })) } };
    },
  },
  {
    method: 'GET',
    path: '/locations/{locationId}/customFields',
    scope: 'locations/customFields.readonly',
    handle({ params, query, grant }) {
      const q = readQuery(query, { model: 'string' });
      if (q.model !== undefined && !MODELS.has(q.model as string)) {
        throw unprocessable([
          'model must be one of the following values: contact, opportunity, all',
        ]);
      }
      requireOwnLocation(grant, params.locationId);
      const own = grant.locationId === SANDBOX_LOCATION.id ? SANDBOX_CUSTOM_FIELDS : [];
      // Every seeded field is a contact field: asking for opportunity fields finds none.
      const fields = q.model === 'opportunity' ? [] : own;
      const customFields = fields.map((field, position) => ({
        ...field,
        dataType: 'TEXT',
        position,
        model: 'contact',
        locationId: grant.locationId,
      }));
      return { status: 200, body: { customFields } };
    },
  },
];
