// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import { IDLE_SYNC_STATUS } from '@/utils/storage/sync-status';
import { FailedJobs } from '../failed-jobs';
import { button, click, mount, settle, textOf, waitFor } from './render-page';
import { SYNC_STATUS_KEY } from '@/utils/storage/sync-status-item';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const job = (change: Partial<OutboxJobView>): OutboxJobView => ({
  id: 'j1',
  kind: 'task.complete',
  summary: 'Complete task ‘Send proposal’',
  status: 'failed',
  attempts: 3,
  createdAt: NOW - 600_000,
  nextAttemptAt: 0,
  error: {
    kind: 'validation',
    message: 'GHL refused the change: task not found.',
    at: NOW - 300_000,
  },
  ...change,
});
const failed = job({});
const waiting = job({
  id: 'j2',
  kind: 'note.create',
  summary: 'Add note ‘Call notes’',
  status: 'waiting',
  attempts: 0,
  createdAt: NOW - 60_000,
  // The outbox keeps the reason it is waiting; the connection card already says it.
  error: { kind: 'reconnect-needed', message: 'GHL no longer accepts this token.', at: NOW },
});
const queued = job({ id: 'j3', summary: 'Add tag ‘vip’', status: 'queued', error: undefined });

const publish = (outbox: { pending: number; waiting: number; failed: number }) =>
  fakeBrowser.storage.session.set({ [SYNC_STATUS_KEY]: { ...IDLE_SYNC_STATUS, outbox } });

/** Answers each message type from `answers`, recording the calls. */
function answer(answers: Partial<Record<string, OutboxJobView[] | Error>>) {
  send.mockImplementation(async (type) => {
    const value = answers[type];
    if (value instanceof Error) throw value;
    return value as never;
  });
}

let unmount = () => {};
async function show() {
  const page = await mount(<FailedJobs />);
  unmount = page.unmount;
  await settle();
  return page.container;
}

describe('FailedJobs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it('shows nothing, and asks nothing, when no write needs the person', async () => {
    await publish({ pending: 2, waiting: 0, failed: 0 });
    const page = await show();
    expect(page.innerHTML).toBe('');
    expect(send).not.toHaveBeenCalled();
  });

  it('lists failed writes first, then those waiting for reconnect, never queued ones', async () => {
    answer({ 'outbox/list': [waiting, queued, failed] });
    await publish({ pending: 1, waiting: 1, failed: 1 });
    const page = await show();
    const items = [...page.querySelectorAll('li')].map(textOf);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Complete task ‘Send proposal’');
    expect(items[0]).toContain('Failed 5 min ago · 3 attempts');
    expect(items[0]).toContain('GHL refused the change: task not found.');
    expect(items[1]).toContain('Waiting for reconnect · made 1 min ago');
    expect(items[1]).not.toContain('GHL no longer accepts this token');
    expect(button(page, 'Retry Complete task ‘Send proposal’')).toBeTruthy();
    // A write waiting for reconnect goes by itself once reconnected: nothing to retry.
    expect(() => button(page, 'Retry Add note ‘Call notes’')).toThrow();
    expect(button(page, 'Discard Add note ‘Call notes’')).toBeTruthy();
  });

  it('retries a write and shows the outbox the background answers', async () => {
    answer({ 'outbox/list': [failed], 'outbox/retry': [] });
    await publish({ pending: 0, waiting: 0, failed: 1 });
    const page = await show();
    await click(button(page, 'Retry Complete task ‘Send proposal’'));
    expect(send).toHaveBeenCalledWith('outbox/retry', { id: 'j1' });
    expect(page.innerHTML).toBe('');
  });

  it('discards only after a confirmation that names the write', async () => {
    answer({ 'outbox/list': [failed], 'outbox/discard': [] });
    await publish({ pending: 0, waiting: 0, failed: 1 });
    const page = await show();
    await click(button(page, 'Discard Complete task ‘Send proposal’'));
    const confirm = page.querySelector('[role="group"]')!;
    const title = page.querySelector(`#${CSS.escape(confirm.getAttribute('aria-labelledby')!)}`);
    expect(title?.textContent).toBe('Discard “Complete task ‘Send proposal’”?');
    expect(textOf(confirm)).toContain('It will never be sent to GHL, and cannot be recovered.');
    // Focus follows the pressed button: to the safe choice, then back.
    expect(document.activeElement).toBe(button(page, 'Keep'));
    await click(button(page, 'Keep'));
    expect(send).not.toHaveBeenCalledWith('outbox/discard', expect.anything());
    expect(document.activeElement).toBe(button(page, 'Discard Complete task ‘Send proposal’'));

    await click(button(page, 'Discard Complete task ‘Send proposal’'));
    await click(button(page, 'Discard for good'));
    expect(send).toHaveBeenCalledWith('outbox/discard', { id: 'j1' });
    expect(page.innerHTML).toBe('');
  });

  it('says why a retry was refused, on the write', async () => {
    answer({
      'outbox/list': [failed],
      'outbox/retry': new MessageError('not-found', 'This change is no longer in the outbox.'),
    });
    await publish({ pending: 0, waiting: 0, failed: 1 });
    const page = await show();
    await click(button(page, 'Retry Complete task ‘Send proposal’'));
    expect(page.querySelector('li [role="alert"]')?.textContent).toBe(
      'This change is no longer in the outbox.',
    );
  });

  it('asks again when the published outbox counts change', async () => {
    answer({ 'outbox/list': [] });
    await publish({ pending: 1, waiting: 0, failed: 0 });
    const page = await show();
    expect(send).not.toHaveBeenCalled();

    answer({ 'outbox/list': [failed] });
    await publish({ pending: 0, waiting: 0, failed: 1 });
    await waitFor(() => expect(textOf(page)).toContain('Complete task ‘Send proposal’'));
    expect(send).toHaveBeenCalledTimes(1);

    answer({ 'outbox/list': [] });
    await publish({ pending: 0, waiting: 0, failed: 0 });
    await waitFor(() => expect(page.innerHTML).toBe(''));
  });

  it('says when the list cannot be read', async () => {
    answer({ 'outbox/list': new MessageError('unreachable', 'The background is not answering.') });
    await publish({ pending: 0, waiting: 0, failed: 2 });
    const page = await show();
    expect(page.querySelector('[role="alert"]')?.textContent).toBe(
      'The background is not answering.',
    );
  });
});
