import { describe, expect, it, vi } from 'vitest';
import { ACCESS_RULES } from '@/utils/messaging/access-rules';
import { MessageRefused, type MessageHandlers } from '../message-router';
import { createEnforcements, type TabAccessDeps } from '../access-enforcements';
import { withTabAccess } from '../tab-access';

// As if links/find, which a Trint tab may send, had been added to the table without its rules
// (the table's type and a test in utils/messaging keep that from happening).
vi.mock('@/utils/messaging/protocol', async (original) => {
  const protocol = await original<typeof import('@/utils/messaging/protocol')>();
  return {
    ...protocol,
    accessRulesOf: (type: string) =>
      type === 'links/find' ? undefined : protocol.accessRulesOf(type as 'links/find'),
  };
});

const deps = {} as TabAccessDeps;

describe('a message type that declares no access rule', () => {
  it('is refused to a Trint tab without running its handler, and answered to extension pages', async () => {
    const find = vi.fn(async () => ({ links: [] }));
    const handlers = withTabAccess<Pick<MessageHandlers, 'links/find'>>(
      { 'links/find': find },
      deps,
    );
    const attempt = handlers['links/find']({ transcriptIds: [] }, 'trint-tab', { tabId: 1 });
    await expect(attempt).rejects.toBeInstanceOf(MessageRefused);
    expect(find).not.toHaveBeenCalled();
    expect(await handlers['links/find']({ transcriptIds: [] }, 'extension-page')).toEqual({
      links: [],
    });
  });
});

describe('the access rules’ enforcement', () => {
  it('has one for every rule the message table can declare', () => {
    expect(Object.keys(createEnforcements(deps)).sort()).toEqual(Object.keys(ACCESS_RULES).sort());
  });
});
