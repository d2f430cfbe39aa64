import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { sandboxClient } from '../../../test/support/sandbox-client';
import { sandboxControl } from '../../../test/support/sandbox-control';
import { createSandbox } from '../../../sandbox/sandbox-handler';
import { createCircuitBreaker } from '../circuit-breaker';

const SAM = 'sbxContSamLee0000001';

describe('circuit breaker', () => {
  it('opens after five failures in a row, lets one probe through, and closes on its success', () => {
    const breaker = createCircuitBreaker({ threshold: 5, coolDownMs: 5_000 });
    for (let i = 0; i < 4; i += 1) breaker.record('failed', 0);
    expect(breaker.verdict(0)).toEqual({ go: true, probe: false });
    breaker.record('failed', 0);
    expect(breaker.verdict(1_000)).toEqual({ go: false, waitMs: 4_000 });
    expect(breaker.verdict(5_000)).toEqual({ go: true, probe: true });
    expect(breaker.verdict(5_001)).toEqual({ go: false, waitMs: 'probe' });
    breaker.record('answered', 5_100);
    expect(breaker.isOpen()).toBe(false);
    expect(breaker.verdict(5_200)).toEqual({ go: true, probe: false });
  });

  it('a failed probe doubles the cool-down, up to its cap; an answer in between resets the count', () => {
    const breaker = createCircuitBreaker({ threshold: 2, coolDownMs: 1_000, maxCoolDownMs: 3_000 });
    breaker.record('failed', 0);
    breaker.record('answered', 0);
    breaker.record('failed', 0);
    expect(breaker.isOpen()).toBe(false);
    breaker.record('failed', 0);
    let now = 1_000;
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      expect(breaker.verdict(now)).toEqual({ go: true, probe: true });
      breaker.record('failed', now, true);
      const verdict = breaker.verdict(now);
      if (verdict.go || verdict.waitMs === 'probe') throw new Error('expected a cool-down');
      waits.push(verdict.waitMs);
      now += verdict.waitMs;
    }
    expect(waits).toEqual([2_000, 3_000, 3_000]);
  });

  it('a late failure of a request sent before the circuit opened does not end the probe', () => {
    const breaker = createCircuitBreaker({ threshold: 1, coolDownMs: 1_000 });
    breaker.record('failed', 0);
    expect(breaker.verdict(1_000)).toEqual({ go: true, probe: true });
    breaker.record('failed', 1_100); // sent before the circuit opened
    expect(breaker.verdict(1_200)).toEqual({ go: false, waitMs: 'probe' });
    breaker.record('answered', 1_300, true);
    expect(breaker.isOpen()).toBe(false);
  });

  it('a probe abandoned before it was sent lets the next request probe', () => {
    const breaker = createCircuitBreaker({ threshold: 1, coolDownMs: 1_000 });
    breaker.record('failed', 0);
    expect(breaker.verdict(1_000)).toEqual({ go: true, probe: true });
    breaker.abandonProbe();
    expect(breaker.verdict(1_000)).toEqual({ go: true, probe: true });
  });

  it('during a 2-minute 5xx outage, 50 callers send a few requests, not 200; then they go through', async () => {
    const fake = createFakeClock();
    const arrivals: { at: number; status: number }[] = [];
    const sandbox = createSandbox({
      clock: fake.clock,
      onTraffic: (entry) => arrivals.push({ at: fake.now(), status: entry.status }),
    });
    const { client } = sandboxClient(sandbox, { clock: fake.clock });
    await sandboxControl(sandbox, 'faults', { failNext: { count: 10_000, status: 503 } });
    const calls = Array.from({ length: 50 }, () =>
      client.contacts.get(SAM).then(
        () => 'ok',
        (error: { kind: string }) => error.kind,
      ),
    );
    await fake.advance(120_000);
    // Without the breaker: 50 callers × 4 attempts each (about 200) in the first minute. With
    // it: the requests in flight when the failures began, then one probe per cool-down.
    expect(arrivals.length).toBeLessThanOrEqual(20);
    await sandboxControl(sandbox, 'faults', undefined, 'DELETE');
    const results = await fake.run(Promise.all(calls));
    const counts = { ok: 0, server: 0 } as Record<string, number>;
    for (const result of results) counts[result] = (counts[result] ?? 0) + 1;
    // Callers whose own retries ran out during the outage say so; the rest went through.
    expect(counts.ok! + counts.server!).toBe(50);
    expect(counts.ok).toBeGreaterThan(30);
  });
});
