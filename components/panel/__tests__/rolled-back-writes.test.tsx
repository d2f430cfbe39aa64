// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { button, click, mount, settle, textOf } from '@/components/sync/__tests__/render-page';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import { PanelActionsContext, type PanelActions } from '../panel-actions';
import { RolledBackWrites } from '../rolled-back-writes';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

const failedJob = (change: Partial<OutboxJobView> = {}): OutboxJobView => ({
  id: 'j1',
  kind: 'task.complete',
  summary: 'Complete task ‘Send proposal’',
  status: 'failed',
  attempts: 3,
  createdAt: 1,
  nextAttemptAt: 0,
  error: { kind: 'validation', message: 'GHL refused: task not found.', at: 2 },
  ...change,
});
const FIRST = failedJob();
const SECOND = failedJob({
  id: 'j2',
  kind: 'note.create',
  summary: 'Add note ‘Call notes’',
  error: undefined,
});

let unmount = () => {};
async function show(failed: OutboxJobView[]) {
  const announce = vi.fn<PanelActions['announce']>();
  const onChanged = vi.fn();
  const actions: PanelActions = {
    transcriptId: 'tr1',
    canWrite: true,
    online: true,
    write: vi.fn(async () => true),
    announce,
  };
  const page = await mount(
    <PanelActionsContext.Provider value={actions}>
      <RolledBackWrites failed={failed} onChanged={onChanged} />
    </PanelActionsContext.Provider>,
  );
  unmount = page.unmount;
  return { page: page.container, announce, onChanged };
}

describe('RolledBackWrites', () => {
  beforeEach(() => {
    send.mockReset();
    send.mockResolvedValue([] as never);
  });
  afterEach(() => unmount());

  it('shows nothing when no write failed', async () => {
    const { page } = await show([]);
    expect(page.innerHTML).toBe('');
  });

  it('lists each failed write with its reason, in the order given', async () => {
    const { page } = await show([FIRST, SECOND]);
    const section = page.querySelector('section')!;
    const title = page.querySelector(`[id="${section.getAttribute('aria-labelledby')}"]`);
    expect(textOf(title!)).toBe('Not saved in GHL');
    const items = [...page.querySelectorAll('li')].map(textOf);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Complete task ‘Send proposal’');
    expect(items[0]).toContain('GHL refused: task not found.');
    expect(items[1]).toContain('Add note ‘Call notes’');
    expect(button(page, 'Retry: Complete task ‘Send proposal’')).toBeTruthy();
    expect(button(page, 'Retry: Add note ‘Call notes’')).toBeTruthy();
  });

  it('renders a summary and reason as text, never as markup', async () => {
    const { page } = await show([
      failedJob({
        summary: 'Add note ‘<img src=x onerror=alert(1)>’',
        error: { kind: 'validation', message: '<b>bold</b>', at: 2 },
      }),
    ]);
    expect(page.querySelector('img, b')).toBeNull();
    expect(textOf(page)).toContain('<img src=x onerror=alert(1)>');
    expect(textOf(page)).toContain('<b>bold</b>');
  });

  it('Retry sends the write again, says so, and reads the transcript again', async () => {
    const { page, announce, onChanged } = await show([FIRST, SECOND]);
    await click(button(page, 'Retry: Add note ‘Call notes’'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('outbox/retry', { id: 'j2' });
    expect(announce).toHaveBeenCalledWith('Sending again: Add note ‘Call notes’');
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('Discard asks first, naming the write; Cancel sends nothing', async () => {
    const { page, onChanged } = await show([FIRST]);
    await click(button(page, 'Discard “Complete task ‘Send proposal’”'));
    const group = page.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe(
      'Confirm: discard “Complete task ‘Send proposal’”',
    );
    expect(textOf(group)).toContain('It will never be sent to GHL.');
    expect(send).not.toHaveBeenCalled();
    await click(button(page, 'Cancel'));
    expect(send).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('Discard, confirmed, discards that write and reads again', async () => {
    const { page, announce, onChanged } = await show([FIRST, SECOND]);
    await click(button(page, 'Discard “Complete task ‘Send proposal’”'));
    await click(button(page, 'Yes, discard'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('outbox/discard', { id: 'j1' });
    expect(announce).toHaveBeenCalledWith('Discarded: Complete task ‘Send proposal’');
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('after Discard or Retry, the focus waits on the heading while other writes remain', async () => {
    const { page } = await show([FIRST, SECOND]);
    const heading = page.querySelector('h3')!;
    await click(button(page, 'Discard “Complete task ‘Send proposal’”'));
    await click(button(page, 'Yes, discard'));
    expect(document.activeElement).toBe(heading);
    expect(heading.tabIndex).toBe(-1);
    button(page, 'Retry: Add note ‘Call notes’').focus();
    await click(button(page, 'Retry: Add note ‘Call notes’'));
    expect(document.activeElement).toBe(heading);
  });

  it('Discard of the last write leaves the focus to the panel (the list is going)', async () => {
    const { page } = await show([FIRST]);
    await click(button(page, 'Discard “Complete task ‘Send proposal’”'));
    await click(button(page, 'Yes, discard'));
    expect(document.activeElement).not.toBe(page.querySelector('h3'));
    expect(document.activeElement).not.toBe(
      button(page, 'Discard “Complete task ‘Send proposal’”'),
    );
  });

  it('a refused Discard puts the focus on the heading, as the write is still listed', async () => {
    send.mockRejectedValue(new MessageError('not-found', 'Gone.'));
    const { page } = await show([FIRST]);
    await click(button(page, 'Discard “Complete task ‘Send proposal’”'));
    await click(button(page, 'Yes, discard'));
    await settle();
    expect(document.activeElement).toBe(page.querySelector('h3'));
  });

  it.each([
    ['Retry', 'outbox/retry'],
    ['Discard', 'outbox/discard'],
  ])('%s refused: the reason is announced as an alert', async (action) => {
    send.mockRejectedValue(
      new MessageError('not-found', 'This change is no longer in the outbox.'),
    );
    const { page, announce, onChanged } = await show([FIRST]);
    if (action === 'Retry') {
      await click(button(page, 'Retry: Complete task ‘Send proposal’'));
    } else {
      await click(button(page, 'Discard “Complete task ‘Send proposal’”'));
      await click(button(page, 'Yes, discard'));
    }
    await settle();
    expect(announce).toHaveBeenCalledTimes(1);
    expect(announce).toHaveBeenCalledWith('This change is no longer in the outbox.', 'alert');
    // The outbox may have changed meanwhile: read it again either way.
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('an unexpected failure is announced in general words', async () => {
    send.mockRejectedValue(new TypeError('boom'));
    const { page, announce } = await show([FIRST]);
    await click(button(page, 'Retry: Complete task ‘Send proposal’'));
    expect(announce).toHaveBeenCalledWith('That did not work. Try again.', 'alert');
  });
});
