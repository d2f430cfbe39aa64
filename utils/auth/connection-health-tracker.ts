import type { z } from 'zod';
import type { Clock } from '../clock';
import type { GhlEndpoint } from '../ghl/endpoints';
import type { GhlError } from '../ghl/ghl-error';
import { LOCKS } from './connection-client';
import { healthConsequence } from './connection-health';
import type { StoredConnection } from './connection-records';
import type { CredentialStore } from './credential-store';
import { withExclusiveLock } from './exclusive-lock';

/** What {@link createHealthTracker} is built from. */
export interface HealthTrackerDeps {
  store: CredentialStore;
  clock: Clock;
  /** Stores and publishes a changed connection. */
  save(connection: StoredConnection): Promise<unknown>;
  notifyReconnectNeeded(reason: string): Promise<void>;
}

/**
 * What failed calls teach about the credentials, recorded: "reconnect needed" with exactly one
 * notification per loss, or read-only after a refused write. Only the connection that failed is
 * changed: a call made with a replaced credential teaches nothing about the new one.
 */
export function createHealthTracker(deps: HealthTrackerDeps) {
  const { store, clock, save } = deps;

  /** Changes the stored connection if it is still the one with this credential. */
  function amend(credentialId: string, change: (c: StoredConnection) => StoredConnection | null) {
    return withExclusiveLock(LOCKS.connection, async () => {
      const current = await store.loadConnection();
      if (!current || current.credentialId !== credentialId) return undefined;
      const next = change(current);
      if (next) await save(next);
      return next ?? undefined;
    });
  }

  async function markReconnectNeeded(credentialId: string, reason: string) {
    const marked = await amend(credentialId, (c) =>
      c.health.state === 'ok'
        ? { ...c, health: { state: 'reconnect-needed', reason, at: clock.now(), notified: false } }
        : null,
    );
    // Not awaited: calls waiting for the health update should not wait for the notification.
    if (marked) void notifyOnce(credentialId);
  }

  /**
   * Notifications run one at a time: a restart's restore() and a failing call that notice the
   * same loss together would otherwise both read `notified: false` and both show it.
   */
  let notifications: Promise<void> = Promise.resolve();
  function notifyOnce(credentialId: string): Promise<void> {
    notifications = notifications.then(() => quietly(() => showNotification(credentialId)));
    return notifications;
  }

  async function showNotification(credentialId: string) {
    const connection = await store.loadConnection();
    if (connection?.credentialId !== credentialId) return;
    if (connection.health.state !== 'reconnect-needed' || connection.health.notified) return;
    await deps.notifyReconnectNeeded(connection.health.reason);
    // Bookkeeping only: the public status is unchanged, so it is stored without publishing
    // (listeners such as the outbox would otherwise hear "reconnect needed" twice).
    await withExclusiveLock(LOCKS.connection, async () => {
      const current = await store.loadConnection();
      if (current?.credentialId !== credentialId || current.health.state !== 'reconnect-needed') {
        return;
      }
      await store.saveConnection({ ...current, health: { ...current.health, notified: true } });
    });
  }

  /** Health updates still running: client() and status() wait for them, {@link settled} too. */
  const pending = new Set<Promise<void>>();

  function onFailure(credentialId: string, error: GhlError, endpoint?: GhlEndpoint<z.ZodType>) {
    const update = quietly(async () => {
      const connection = await store.loadConnection();
      if (connection?.credentialId !== credentialId) return;
      const consequence = healthConsequence(connection.kind, error, endpoint);
      if (consequence && 'reconnect' in consequence) {
        await markReconnectNeeded(credentialId, consequence.reconnect);
      } else if (consequence) {
        await amend(credentialId, (c) =>
          c.readOnlyReason ? null : { ...c, readOnlyReason: consequence.readOnly },
        );
      }
    });
    pending.add(update);
    void update.then(() => pending.delete(update));
  }

  /**
   * Resolves once what failed calls taught about the connection is stored and published. The
   * caller of a failed call gets its error before this update ends, so client() and status()
   * wait for it: an outbox asking again at once must not be handed the dead credential.
   */
  async function healthSettled(): Promise<void> {
    while (pending.size) await Promise.all([...pending]);
  }

  /** {@link healthSettled}, and any notification it started has been shown. */
  async function settled(): Promise<void> {
    await healthSettled();
    let shown: Promise<void> | undefined;
    while (shown !== notifications) {
      shown = notifications;
      await shown;
    }
  }

  return { amend, onFailure, notifyOnce, healthSettled, settled };
}

/**
 * Runs background work that must never become an unhandled rejection in the service worker (a
 * notification the browser refused, a storage error). What it did not finish is retried: a
 * notification not marked as shown is shown at the next restore().
 */
export async function quietly(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    // Only the name: the error may quote a request or a token.
    console.warn(
      'GHL for Trint: a connection update did not finish:',
      error instanceof Error ? error.name : typeof error,
    );
  }
}
