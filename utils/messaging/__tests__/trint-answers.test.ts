import { describe, expect, expectTypeOf, it } from 'vitest';
import { PROTOCOL, type MessageType, type SenderRole } from '../protocol';
import { TRINT_ANSWERS, type TrintMessageType } from '../trint-answers';

/** The types whose `from` in the full table names the Trint tab. */
const fromTrint = (Object.keys(PROTOCOL) as MessageType[]).filter((type) =>
  (PROTOCOL[type].from as readonly SenderRole[]).includes('trint-tab'),
);

describe('the Trint tab’s answers and the full message table', () => {
  it('list the same message types', () => {
    expect(Object.keys(TRINT_ANSWERS).sort()).toEqual([...fromTrint].sort());
  });

  it.each(fromTrint)('%s: the full table answers with the very same schema', (type) => {
    expect(PROTOCOL[type].answer).toBe(TRINT_ANSWERS[type as TrintMessageType]);
  });

  it('agree in their types too', () => {
    type FromTrint = {
      [T in MessageType]: 'trint-tab' extends (typeof PROTOCOL)[T]['from'][number] ? T : never;
    }[MessageType];
    expectTypeOf<TrintMessageType>().toEqualTypeOf<FromTrint>();
  });
});
