import { fakeBrowser } from 'wxt/testing';
import { createSettingsHandlers } from '../../entrypoints/background/settings-handlers';
import { safeErrorInfo } from '../../entrypoints/background/message-router';
import { PROTOCOL, type Reply } from '../../utils/messaging/protocol';

const handlers = createSettingsHandlers();
type SettingsType = keyof typeof handlers;

/**
 * What the background answers to a settings message (utils/storage/ items other contexts change),
 * for UI tests that run without one: the payload checked against the protocol, the real handler,
 * the reply as the router makes it.
 */
export async function answerAsBackground(type: string, payload: unknown): Promise<Reply> {
  if (!Object.hasOwn(handlers, type)) {
    return { ok: false, error: { kind: 'invalid', message: 'Unknown message.' } };
  }
  const settingsType = type as SettingsType;
  const parsed = PROTOCOL[settingsType].payload.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: { kind: 'invalid', message: 'Malformed.' } };
  try {
    const handler = handlers[settingsType] as (payload: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: safeErrorInfo(error) };
  }
}

/** Answers settings messages sent through the fake browser (call after `fakeBrowser.reset()`). */
export function listenAsBackground(): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, payload } = message as { type: string; payload?: unknown };
    return answerAsBackground(type, payload);
  });
}
