/**
 * The retry budget of one GHL location (issue 17): during an outage (5xx, timeouts, no
 * connection) every caller would otherwise retry on its own schedule, and a team of extensions
 * multiplies an outage instead of backing off. After `threshold` failures in a row the circuit
 * opens: nothing is sent for a cool-down; then one request probes GHL. Its success closes the
 * circuit; its failure opens it again for twice as long, up to `maxCoolDownMs`.
 */
export interface CircuitBreakerOptions {
  /** Failures in a row that open the circuit. */
  threshold?: number;
  /** The first cool-down. */
  coolDownMs?: number;
  /** The longest cool-down. */
  maxCoolDownMs?: number;
}

/** What an answer says of GHL's health: it answered (any status but 5xx), or it failed. */
export type CallOutcome = 'answered' | 'failed';

/** May a request go now: yes, yes as the probe, or wait this long / for the probe's answer. */
export type CircuitVerdict =
  { go: true; probe: boolean } | { go: false; waitMs: number } | { go: false; waitMs: 'probe' };

/** See {@link CircuitBreakerOptions}. */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}) {
  // Three failures in a row: twenty teammates' extensions then send at most what they had in
  // flight, three failures and a probe each in an outage's first 10 s (the team benchmark's
  // storm: 124 requests in its busiest 10 s with five). A first wait of 5 s keeps a short burst
  // short for people's writes: five 5xx in a row cost 35 s, not the 70 s a 10 s start did.
  const threshold = options.threshold ?? 3;
  const firstCoolDownMs = options.coolDownMs ?? 5_000;
  const maxCoolDownMs = options.maxCoolDownMs ?? 60_000;
  let failuresInRow = 0;
  let openUntil: number | undefined;
  let coolDownMs = firstCoolDownMs;
  let probing = false;

  return {
    /** Whether a request may be sent at `now`. A `probe: true` verdict must be followed by `record`. */
    verdict(now: number): CircuitVerdict {
      if (openUntil === undefined) return { go: true, probe: false };
      if (now < openUntil) return { go: false, waitMs: openUntil - now };
      if (probing) return { go: false, waitMs: 'probe' };
      probing = true;
      return { go: true, probe: true };
    },
    /**
     * Records an answer (or its absence) at `now`; `probe` when it was the probe's. A failure of
     * a request sent before the circuit opened says nothing new and leaves the probe alone.
     */
    record(outcome: CallOutcome, now: number, probe = false): void {
      if (outcome === 'answered') {
        failuresInRow = 0;
        openUntil = undefined;
        coolDownMs = firstCoolDownMs;
        probing = false;
        return;
      }
      failuresInRow += 1;
      if (probe) {
        // The probe failed: GHL is still down; wait longer before the next one.
        probing = false;
        coolDownMs = Math.min(maxCoolDownMs, coolDownMs * 2);
        openUntil = now + coolDownMs;
      } else if (openUntil === undefined && failuresInRow >= threshold) {
        openUntil = now + coolDownMs;
      }
    },
    /** A probe ended without an answer to judge (aborted before sending): another may go. */
    abandonProbe(): void {
      probing = false;
    },
    /** Whether the circuit is open (or probing): for the status and tests. */
    isOpen: (): boolean => openUntil !== undefined,
  };
}

/** See {@link createCircuitBreaker}. */
export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
