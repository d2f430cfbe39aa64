import { describe, expect, it } from 'vitest';
import { withExclusiveLock } from '../exclusive-lock';

/** A task that records when it runs, and finishes when told. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const task = async () => {
    log.push(`${name} start`);
    await opened;
    log.push(`${name} end`);
    return name;
  };
  return { task, open };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('withExclusiveLock (in-process fallback, as in these tests)', () => {
  it('runs tasks of one lock one after another, in order', async () => {
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = withExclusiveLock('lock-1', a.task);
    const second = withExclusiveLock('lock-1', b.task);
    await tick();
    expect(log).toEqual(['a start']);
    b.open();
    await tick();
    expect(log).toEqual(['a start']);
    a.open();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('does not hold up other locks', async () => {
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = withExclusiveLock('lock-2', a.task);
    const second = withExclusiveLock('lock-3', b.task);
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    a.open();
    b.open();
    await Promise.all([first, second]);
  });

  it('passes a failure to its caller and still runs the next task', async () => {
    const failing = withExclusiveLock('lock-4', async () => {
      throw new Error('boom');
    });
    const next = withExclusiveLock('lock-4', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
