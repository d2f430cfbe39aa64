import { describe, expect, it } from 'vitest';
import { createWriteBehind } from '../write-behind';

describe('writes made behind the current task', () => {
  it('writes after the task that queued them, in order, the latest under a key once', async () => {
    const writes = createWriteBehind();
    const made: string[] = [];
    const write = (what: string) => async () => void made.push(what);
    writes.queue('budget', write('budget 1'));
    writes.queue('tab 1', write('tab 1'));
    writes.queue('budget', write('budget 2'));
    await Promise.resolve();
    // Nothing within the task (and its microtasks) that queued them: an answer goes out first.
    expect(made).toEqual([]);
    await writes.settled();
    expect(made).toEqual(['tab 1', 'budget 2']);
    writes.queue('budget', write('budget 3'));
    await writes.settled();
    expect(made).toEqual(['tab 1', 'budget 2', 'budget 3']);
  });

  it('makes the writes after one that failed, one at a time', async () => {
    const writes = createWriteBehind();
    const made: string[] = [];
    let running = 0;
    let most = 0;
    const write =
      (what: string, fail = false) =>
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        if (fail) throw new Error('quota');
        made.push(what);
      };
    writes.queue('a', write('a', true));
    writes.queue('b', write('b'));
    await writes.settled();
    writes.queue('c', write('c'));
    await writes.settled();
    expect(made).toEqual(['b', 'c']);
    expect(most).toBe(1);
  });
});
