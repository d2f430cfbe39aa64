import { expect, it } from 'vitest';
import { matchOperation } from './openapi-spec';
import { describeWithSpec, requireSpec } from './spec-suite';

function match(method: string, path: string) {
  const found = matchOperation(requireSpec(), method, path);
  return found && { operationId: found.operation.operationId, params: found.params };
}

describeWithSpec('matchOperation', () => {
  it.each([
    ['GET', '/contacts/', 'get-contacts', {}],
    ['GET', '/contacts?locationId=L1', 'get-contacts', {}],
    ['POST', '/contacts/search', 'search-contacts-advanced', {}],
    ['GET', '/contacts/c1', 'get-contact', { contactId: 'c1' }],
    [
      'PUT',
      '/contacts/c1/tasks/t%2F1/completed',
      'update-task-completed',
      { contactId: 'c1', taskId: 't/1' },
    ],
    ['GET', '/contacts/business/b1', 'get-contacts-by-businessId', { businessId: 'b1' }],
    [
      'DELETE',
      '/contacts/c1/campaigns/removeAll',
      'remove-contact-from-every-campaign',
      { contactId: 'c1' },
    ],
    ['POST', '/oauth/token', 'get-access-token', {}],
  ])('%s %s is %s', (method, path, operationId, params) => {
    expect(match(method, path)).toEqual({ operationId, params });
  });

  it('finds nothing for an undocumented method or path', () => {
    expect(match('PATCH', '/contacts/c1')).toBeUndefined();
    expect(match('GET', '/contacts/c1/opportunities')).toBeUndefined();
  });
});
