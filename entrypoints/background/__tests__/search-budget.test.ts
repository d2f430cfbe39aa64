import { describe, expect, it } from 'vitest';
import { createFakeClock } from '@/test/support/fake-clock';
import { GhlError } from '@/utils/ghl/ghl-error';
import { safeErrorInfo } from '../message-router';
import { createSearchBudget, TAB_SEARCH_WINDOW_MS, TAB_SEARCHES } from '../search-budget';

function budgetUnderTest() {
  const fake = createFakeClock();
  return { fake, budget: createSearchBudget({ clock: fake.clock }) };
}

/** Spends searches of a tab until one is refused; how many were allowed. */
function spendAll(budget: ReturnType<typeof createSearchBudget>, tabId: number): number {
  for (let allowed = 0; allowed < 1000; allowed += 1) {
    try {
      budget.spend(tabId);
    } catch {
      return allowed;
    }
  }
  throw new Error('The budget never ran out.');
}

describe('a tab’s budget of GHL searches', () => {
  it(`allows ${TAB_SEARCHES} searches at once, then refuses in words a person can act on`, () => {
    const { budget } = budgetUnderTest();
    expect(spendAll(budget, 1)).toBe(TAB_SEARCHES);
    let refusal: unknown;
    try {
      budget.spend(1);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(GhlError);
    expect(refusal).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1000 });
    expect(safeErrorInfo(refusal)).toEqual({
      kind: 'rate-limited',
      message: 'Searching GHL too often from this tab; wait a few seconds.',
    });
  });

  it('is per tab: one tab that spent its budget leaves the others theirs', () => {
    const { budget } = budgetUnderTest();
    spendAll(budget, 1);
    expect(spendAll(budget, 2)).toBe(TAB_SEARCHES);
  });

  it('refills with time, up to a full budget', async () => {
    const { fake, budget } = budgetUnderTest();
    spendAll(budget, 1);
    await fake.advance(TAB_SEARCH_WINDOW_MS / TAB_SEARCHES);
    expect(spendAll(budget, 1)).toBe(1);
    await fake.advance(TAB_SEARCH_WINDOW_MS * 5);
    expect(spendAll(budget, 1)).toBe(TAB_SEARCHES);
  });

  it('gives a closed tab’s id a fresh budget', () => {
    const { budget } = budgetUnderTest();
    spendAll(budget, 1);
    budget.forget(1);
    expect(spendAll(budget, 1)).toBe(TAB_SEARCHES);
  });
});
