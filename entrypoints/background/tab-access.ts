import { accessRulesOf, type MessageType, type SenderRole } from '@/utils/messaging/protocol';
import { createEnforcements, type TabAccessDeps, type Touches } from './access-enforcements';
import {
  MessageRefused,
  type AccessChecked,
  type MessageHandlers,
  type TabFacts,
} from './message-router';

export type { TabAccessDeps } from './access-enforcements';

/**
 * What a Trint tab may reach, enforced in one place from the rules each message type declares in
 * the message table (utils/messaging/access-rules.ts, checked as access-enforcements.ts says):
 * handlers hold no such check, and the router takes only handlers that went through here.
 *
 * The handlers, each held to the access rules its message type declares whenever a Trint tab
 * sends it: the rules' checks run in order before the handler, their changes to the answer after
 * it. A type a Trint tab may send that declares no rule is refused (the message table's type and
 * a test keep there from being one). Extension pages go straight to the handler.
 */
export function withTabAccess<H extends Partial<MessageHandlers>>(
  handlers: H,
  deps: TabAccessDeps,
): H & AccessChecked {
  const enforcements = createEnforcements(deps);
  const checked: Partial<Record<MessageType, AnyHandler>> = {};
  for (const type of Object.keys(handlers) as MessageType[]) {
    const handler = handlers[type] as AnyHandler;
    const rules = accessRulesOf(type) ?? [];
    checked[type] = async (payload, role, tab) => {
      if (role !== 'trint-tab') return handler(payload, role, tab);
      if (rules.length === 0) {
        throw new MessageRefused(`${type} declares no access rule for a Trint page.`);
      }
      const touches = payload as Touches;
      for (const rule of rules) await enforcements[rule].before?.(touches, tab);
      let answer = await handler(payload, role, tab);
      for (const rule of rules) {
        const after = enforcements[rule].after;
        if (after) answer = await after(answer, tab);
      }
      return answer;
    };
  }
  return checked as H & AccessChecked;
}

/** Any message's handler, as the generic code above calls it. */
type AnyHandler = (payload: unknown, role: SenderRole, tab?: TabFacts) => Promise<unknown>;
