import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';

/** What every part of the panel may do, provided once by the panel shell. */
export interface PanelActions {
  /** The transcript the panel shows. */
  transcriptId: string;
  /** False when the connection is read-only, missing or needs a reconnect: hide write controls. */
  canWrite: boolean;
  /** False while the browser is offline: writes still queue, GHL searches wait. */
  online: boolean;
  /**
   * Queues a write in the outbox (it reaches GHL in the background and shows as pending at once).
   * Resolves true once stored; false when refused, after announcing why in words.
   */
  write(operation: OutboxOperation): Promise<boolean>;
  /** Says something in the panel's live region: 'status' politely, 'alert' at once. */
  announce(message: string, tone?: 'status' | 'alert'): void;
}

/** Set by the panel shell; components read it with {@link usePanelActions}. */
export const PanelActionsContext = createContext<PanelActions | null>(null);

/** The panel's actions. Throws outside the panel shell: a component rendered alone is a bug. */
export function usePanelActions(): PanelActions {
  const actions = useContext(PanelActionsContext);
  if (!actions) throw new Error('usePanelActions needs a PanelActionsContext provider');
  return actions;
}
