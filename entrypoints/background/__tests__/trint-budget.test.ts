import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { systemClock } from '@/utils/clock';
import { trintBudgetItem } from '@/utils/storage/trint-budget-item';
import { MessageRefused, safeErrorInfo } from '../message-router';
import {
  createOutboxHandlers,
  MAX_PAGE_QUEUED_WRITES,
  MAX_PAGE_TEXT_LENGTH,
  OUTBOX_FULL_MESSAGE,
  WRITE_TOO_LONG_MESSAGE,
} from '../outbox-handlers';
import { createTranscriptHandlers } from '../transcript-handlers';
import { createTrintBudget, TRINT_BUDGET, type TrintBudget } from '../trint-budget';

const LOC = 'loc-1';

/** A budget on storage.session and a clock the test moves. */
function budgetAt(start = 1_000_000) {
  const clock = { at: start, now: () => clock.at };
  return { clock, budget: createTrintBudget({ clock, storage: trintBudgetItem }) };
}

async function spendAll(
  budget: TrintBudget,
  n: number,
  cost: 'ghl-search' | 'cache-search' = 'ghl-search',
) {
  const outcomes = [];
  for (let i = 0; i < n; i += 1) outcomes.push(await budget.trySpend(LOC, cost));
  return outcomes.filter(Boolean).length;
}

/** Spends are written behind the spenders' backs: the next test starts once they have landed. */
afterEach(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the Trint pages budget', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lets a burst through, then refuses with the wait in words, and refills with time', async () => {
    const { clock, budget } = budgetAt();
    expect(await spendAll(budget, TRINT_BUDGET.units + 10)).toBe(TRINT_BUDGET.units);
    const refused = await budget.spend(LOC, 'write').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MessageRefused);
    expect(safeErrorInfo(refused).message).toBe(
      'Too many requests from Trint pages; try again in 1 s.',
    );
    clock.at += 20_000;
    expect(await spendAll(budget, 30)).toBe(20 * TRINT_BUDGET.refillPerSecond);
  });

  it('is one per location, and outlives a worker restart (storage.session)', async () => {
    const { clock, budget } = budgetAt();
    await spendAll(budget, TRINT_BUDGET.units);
    expect(await budget.trySpend('loc-2', 'business')).toBe(true);
    // The spends are written behind the spenders' backs: a worker stops long after they land.
    await vi.waitFor(async () =>
      expect((await trintBudgetItem.read())['loc-2']?.units).toBe(TRINT_BUDGET.units - 1),
    );
    const restarted = createTrintBudget({ clock, storage: trintBudgetItem });
    expect(await restarted.trySpend(LOC, 'refresh')).toBe(false);
  });

  it('reads storage once per worker start, and writes what was spent after the spends', async () => {
    const clock = { now: () => 1_000_000 };
    const read = vi.fn(() => trintBudgetItem.read());
    const write = vi.fn((value: Parameters<typeof trintBudgetItem.write>[0]) =>
      trintBudgetItem.write(value),
    );
    const budget = createTrintBudget({ clock, storage: { read, write } });
    expect(await spendAll(budget, 8, 'cache-search')).toBe(8);
    // Every keystroke of the panel's search spends: the read is the first one's alone, and the
    // spends of one burst are written together, after them.
    expect(read).toHaveBeenCalledTimes(1);
    expect(write).not.toHaveBeenCalled();
    await vi.waitFor(async () =>
      expect((await trintBudgetItem.read())[LOC]).toEqual({
        units: TRINT_BUDGET.units - 2,
        at: 1_000_000,
      }),
    );
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('charges a cache search a quarter: a page cannot list the cache without limit', async () => {
    const { budget } = budgetAt();
    expect(await spendAll(budget, 1000, 'cache-search')).toBe(TRINT_BUDGET.units * 4);
  });

  it('spends concurrent requests one after another, never past the budget', async () => {
    const { budget } = budgetAt();
    const outcomes = await Promise.all(
      Array.from({ length: TRINT_BUDGET.units + 20 }, () => budget.trySpend(LOC, 'write')),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(TRINT_BUDGET.units);
  });
});

describe('what a Trint tab causes, within the budget', () => {
  beforeEach(() => fakeBrowser.reset());
  const connected: ConnectionStatus = {
    state: 'connected',
    kind: 'pit',
    locationId: LOC,
    scopes: [],
    canWrite: true,
    since: 1,
  };
  const connection = { status: async () => connected };
  const operation = { kind: 'task.complete', contactId: 'c', taskId: 't' } as never;

  it('refuses a write from a page while many are waiting, and spends one per write', async () => {
    const waiting = Array.from({ length: MAX_PAGE_QUEUED_WRITES }, () => ({ status: 'queued' }));
    const outbox = {
      enqueue: vi.fn(async () => ({}) as never),
      list: vi.fn(async () => waiting as never),
      retry: vi.fn(),
      discard: vi.fn(),
    };
    const { budget } = budgetAt();
    const handlers = createOutboxHandlers({ outbox, connection, trintBudget: budget });
    await expect(handlers['outbox/enqueue']({ operation }, 'trint-tab')).rejects.toThrow(
      OUTBOX_FULL_MESSAGE,
    );
    // The popup is not a page: its write is queued.
    await handlers['outbox/enqueue']({ operation }, 'extension-page');
    waiting.length = 0;
    await handlers['outbox/enqueue']({ operation }, 'trint-tab');
    expect(outbox.enqueue).toHaveBeenCalledTimes(2);
    expect(await spendAll(budget, TRINT_BUDGET.units)).toBe(TRINT_BUDGET.units - 1);
  });

  it('a page’s Retry costs a write; the popup’s does not', async () => {
    const outbox = {
      enqueue: vi.fn(),
      list: vi.fn(async () => []),
      retry: vi.fn(async () => undefined as never),
      discard: vi.fn(),
    };
    const { budget } = budgetAt();
    const handlers = createOutboxHandlers({ outbox, connection, trintBudget: budget });
    await handlers['outbox/retry']({ id: 'job-1' }, 'extension-page');
    await handlers['outbox/retry']({ id: 'job-1' }, 'trint-tab');
    expect(outbox.retry).toHaveBeenCalledTimes(2);
    expect(await spendAll(budget, TRINT_BUDGET.units)).toBe(TRINT_BUDGET.units - 1);
    await expect(handlers['outbox/retry']({ id: 'job-1' }, 'trint-tab')).rejects.toThrow(
      /Too many requests from Trint pages/,
    );
    expect(outbox.retry).toHaveBeenCalledTimes(2);
  });

  it("refuses a page's write with a field too long, costing nothing; the popup is not capped", async () => {
    const outbox = {
      enqueue: vi.fn(async () => ({}) as never),
      list: vi.fn(async () => []),
      retry: vi.fn(),
      discard: vi.fn(),
    };
    const { budget } = budgetAt();
    const handlers = createOutboxHandlers({ outbox, connection, trintBudget: budget });
    const long = {
      kind: 'note.create',
      contactId: 'c',
      body: { body: 'x'.repeat(MAX_PAGE_TEXT_LENGTH + 1) },
    } as never;
    await expect(handlers['outbox/enqueue']({ operation: long }, 'trint-tab')).rejects.toThrow(
      WRITE_TOO_LONG_MESSAGE,
    );
    const fits = { kind: 'note.create', contactId: 'c', body: { body: 'x'.repeat(5000) } } as never;
    await handlers['outbox/enqueue']({ operation: fits }, 'trint-tab');
    await handlers['outbox/enqueue']({ operation: long }, 'extension-page');
    expect(outbox.enqueue).toHaveBeenCalledTimes(2);
    expect(await spendAll(budget, TRINT_BUDGET.units)).toBe(TRINT_BUDGET.units - 1);
  });

  it('opens a linked transcript from the cache alone once the budget is spent', async () => {
    const refreshContact = vi.fn(async () => undefined as never);
    const view = { link: { contactId: 'c', locationId: LOC } };
    const { budget, clock } = budgetAt();
    const handlers = createTranscriptHandlers({
      clock: { ...systemClock, now: clock.now },
      engine: { refreshContact },
      outbox: { list: async () => [] },
      transcripts: {
        markViewed: async () => undefined as never,
        readView: async () => view as never,
        pendingWrites: async () => [] as never,
      },
      trintBudget: budget,
    });
    const open = () => handlers['transcript/opened']({ transcriptId: 't' }, 'trint-tab');
    await open();
    expect(refreshContact).toHaveBeenCalledTimes(1);
    await spendAll(budget, TRINT_BUDGET.units);
    await open();
    expect(refreshContact).toHaveBeenCalledTimes(1);
  });
});
