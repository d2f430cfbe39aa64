// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { ContactSummary } from '@/utils/messaging/protocol';
import {
  GHL_SEARCH_DELAY_MS,
  mergeResults,
  useContactSearch,
  type ContactSearchState,
} from '../use-contact-search';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

const contact = (id: string, name = id): ContactSummary => ({ id, name });
const A = contact('a', 'Jane Doe');
const B = contact('b', 'Jane Roe');
const C = contact('c', 'Janet Poe');

/** One search message, answered when the test says. */
interface Asked {
  query: string;
  source: 'cache' | 'ghl';
  answer(contacts: ContactSummary[]): Promise<void>;
  fail(error: unknown): Promise<void>;
}
let asked: Asked[] = [];
const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

/** What the hook answered, without its retry function (tests compare values). */
let state: Omit<ContactSearchState, 'retry'> | undefined;
let retry = () => {};
function Probe({ query, online }: { query: string; online: boolean }) {
  ({ retry, ...state } = useContactSearch(query, online));
  return null;
}
let container: HTMLElement;
async function search(query: string, online = true) {
  await act(() => render(<Probe query={query} online={online} />, container));
  await flush();
}
const wait = async (ms: number) => {
  await act(() => {
    vi.advanceTimersByTime(ms);
  });
  await flush();
};
const ghlAsks = () => asked.filter((a) => a.source === 'ghl');
const last = (source: 'cache' | 'ghl', query: string) => {
  const found = asked.findLast((a) => a.source === source && a.query === query);
  if (!found) throw new Error(`${source} was not asked for ${query}`);
  return found;
};

describe('mergeResults', () => {
  it('keeps the cache’s results first and adds GHL’s new ones, without duplicates', () => {
    expect(mergeResults([A, B], [contact('b', 'Jane Roe (GHL)'), C])).toEqual([A, B, C]);
    expect(mergeResults([], [C, A])).toEqual([C, A]);
    expect(mergeResults([A], [])).toEqual([A]);
  });
});

describe('useContactSearch', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    asked = [];
    state = undefined;
    send.mockReset();
    send.mockImplementation(
      (_type, payload) =>
        new Promise((resolve, reject) => {
          const { query, source } = payload as { query: string; source: 'cache' | 'ghl' };
          asked.push({
            query,
            source,
            answer: async (contacts) => {
              resolve({ contacts } as never);
              await flush();
            },
            fail: async (error) => {
              reject(error);
              await flush();
            },
          });
        }),
    );
    container = document.createElement('div');
  });
  afterEach(() => {
    render(null, container);
    vi.useRealTimers();
  });

  it('asks nothing for an empty or blank query', async () => {
    await search('');
    await search('   ');
    await wait(GHL_SEARCH_DELAY_MS * 2);
    expect(send).not.toHaveBeenCalled();
    expect(state).toEqual({ results: [], searchingGhl: false });
  });

  it('shows the cache’s answer at once, then asks GHL after the pause, and merges', async () => {
    await search(' Jane ');
    expect(asked.map((a) => [a.source, a.query])).toEqual([['cache', 'Jane']]);
    expect(send).toHaveBeenCalledWith('contacts/search', { query: 'Jane', source: 'cache' });
    expect(state?.searchingGhl).toBe(true);
    await last('cache', 'Jane').answer([A, B]);
    expect(state?.results).toEqual([A, B]);

    await wait(GHL_SEARCH_DELAY_MS - 1);
    expect(ghlAsks()).toHaveLength(0);
    await wait(1);
    expect(ghlAsks().map((a) => a.query)).toEqual(['Jane']);
    expect(send).toHaveBeenLastCalledWith('contacts/search', { query: 'Jane', source: 'ghl' });
    expect(state?.searchingGhl).toBe(true);

    await last('ghl', 'Jane').answer([contact('b', 'Jane Roe'), C]);
    expect(state).toEqual({ results: [A, B, C], searchingGhl: false });
  });

  it('asks GHL once typing pauses, for the last query only', async () => {
    await search('Ja');
    await wait(200);
    await search('Jan');
    await wait(200);
    await search('Jane');
    await wait(GHL_SEARCH_DELAY_MS - 1);
    expect(ghlAsks()).toHaveLength(0);
    await wait(1);
    expect(ghlAsks().map((a) => a.query)).toEqual(['Jane']);
    // The cache answers every keystroke.
    expect(asked.filter((a) => a.source === 'cache').map((a) => a.query)).toEqual([
      'Ja',
      'Jan',
      'Jane',
    ]);
  });

  it('does not ask GHL for one character', async () => {
    await search('J');
    expect(state?.searchingGhl).toBe(false);
    await wait(GHL_SEARCH_DELAY_MS * 3);
    expect(ghlAsks()).toHaveLength(0);
    await last('cache', 'J').answer([A]);
    expect(state).toEqual({ results: [A], searchingGhl: false });
  });

  it('does not ask GHL while offline, only the cache', async () => {
    await search('Jane', false);
    expect(state?.searchingGhl).toBe(false);
    await wait(GHL_SEARCH_DELAY_MS * 3);
    expect(ghlAsks()).toHaveLength(0);
    await last('cache', 'Jane').answer([A]);
    expect(state?.results).toEqual([A]);
  });

  it('asks GHL when back online', async () => {
    await search('Jane', false);
    await search('Jane', true);
    await wait(GHL_SEARCH_DELAY_MS);
    expect(ghlAsks().map((a) => a.query)).toEqual(['Jane']);
  });

  it('an older query’s cache answer never replaces a newer one’s', async () => {
    await search('Ja');
    await search('Jo');
    await last('cache', 'Jo').answer([C]);
    await last('cache', 'Ja').answer([A, B]);
    expect(state?.results).toEqual([C]);
  });

  it('an older query’s GHL answer never replaces a newer one’s', async () => {
    await search('Jane');
    await last('cache', 'Jane').answer([]);
    await wait(GHL_SEARCH_DELAY_MS);
    await search('Janet');
    await last('cache', 'Janet').answer([C]);
    await last('ghl', 'Jane').answer([A, B]);
    expect(state).toEqual({ results: [C], searchingGhl: true });
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Janet').answer([]);
    expect(state).toEqual({ results: [C], searchingGhl: false });
  });

  it('an older query’s GHL failure is not shown for a newer one', async () => {
    await search('Jane');
    await wait(GHL_SEARCH_DELAY_MS);
    await search('Janet');
    await last('ghl', 'Jane').fail(new MessageError('rate-limited', 'Too many requests.'));
    expect(state?.error).toBeUndefined();
    expect(state?.searchingGhl).toBe(true);
  });

  it('clearing the query clears the results and forgets late answers', async () => {
    await search('Jane');
    await last('cache', 'Jane').answer([A]);
    await search('');
    expect(state).toEqual({ results: [], searchingGhl: false });
    await wait(GHL_SEARCH_DELAY_MS * 2);
    expect(ghlAsks()).toHaveLength(0);
  });

  it('a GHL failure says why, and keeps the cache’s results', async () => {
    await search('Jane');
    await last('cache', 'Jane').answer([A]);
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').fail(new MessageError('rate-limited', 'Too many requests.'));
    expect(state).toEqual({
      results: [A],
      searchingGhl: false,
      error: 'GHL could not be searched: Too many requests.',
    });
  });

  it('an unexpected GHL failure is said in general words', async () => {
    await search('Jane');
    await last('cache', 'Jane').answer([A]);
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').fail(new TypeError('boom'));
    expect(state).toEqual({
      results: [A],
      searchingGhl: false,
      error: 'GHL could not be searched.',
    });
  });

  it('a new query forgets the last GHL failure', async () => {
    await search('Jane');
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').fail(new MessageError('rate-limited', 'Too many requests.'));
    expect(state?.error).toBeDefined();
    await search('Janet');
    expect(state?.error).toBeUndefined();
  });

  it('a cache failure still lets GHL answer', async () => {
    await search('Jane');
    await last('cache', 'Jane').fail(new MessageError('unreachable', 'No background.'));
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').answer([C]);
    expect(state).toEqual({ results: [C], searchingGhl: false });
  });

  it('a cache answer that comes after GHL’s does not drop GHL’s results', async () => {
    await search('Jane');
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').answer([C]);
    await last('cache', 'Jane').answer([A]);
    expect(state).toEqual({ results: [A, C], searchingGhl: false });
  });

  it('asks GHL again when the person retries after an error', async () => {
    await search('Jane');
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').fail(new MessageError('rate-limited', 'Too many requests.'));
    expect(state?.error).toBe('GHL could not be searched: Too many requests.');
    await act(() => retry());
    await wait(GHL_SEARCH_DELAY_MS);
    await last('ghl', 'Jane').answer([C]);
    expect(state).toMatchObject({ results: [C], searchingGhl: false });
    expect(state?.error).toBeUndefined();
  });
});
