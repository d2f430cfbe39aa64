// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '@/utils/messaging/protocol';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import { AuditLogView } from '../audit-log-view';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

type Entries = Answer<'audit/list'>;
const AT = Date.parse('2026-11-26T12:00:00.000Z');
const ENTRIES: Entries = [
  {
    at: AT + 1_000,
    operation: 'update-task-completed',
    method: 'PUT',
    recordId: 'task1',
    contactId: 'contact1',
    startedBy: 'person',
    result: '200',
    durationMs: 80,
  },
  {
    at: AT,
    operation: 'get-contact',
    method: 'GET',
    recordId: 'contact1',
    contactId: 'contact1',
    startedBy: 'sync',
    result: '429',
    durationMs: 15,
  },
];

let root: HTMLElement;
beforeEach(() => {
  send.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Renders the view and lets its first request settle. */
async function show() {
  await act(async () => {
    render(<AuditLogView />, root);
  });
  await act(async () => {});
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
const cells = () =>
  [...root.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  );

describe('AuditLogView', () => {
  it('shows the entries in a captioned table, newest first', async () => {
    send.mockResolvedValue(ENTRIES);
    await show();
    expect(send).toHaveBeenCalledWith('audit/list', {});
    expect(root.querySelector('caption')?.textContent).toMatch(/2 requests, newest first/);
    const headers = [...root.querySelectorAll('th')].map((th) => th.textContent);
    expect(headers).toEqual(['When', 'Operation', 'Record', 'Started by', 'Result', 'Duration']);
    expect(cells().map((row) => row.slice(1))).toEqual([
      ['update-task-completed PUT', 'task1', 'You', '200', '80 ms'],
      ['get-contact GET', 'contact1', 'Sync', '429', '15 ms'],
    ]);
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-26T12:00:01.000Z');
  });

  it('says so when nothing was recorded, and offers no export', async () => {
    send.mockResolvedValue([]);
    await show();
    expect(root.textContent).toContain('No requests to GHL yet.');
    expect(root.querySelector('table')).toBeNull();
    expect(button('Export CSV').disabled).toBe(true);
    expect(button('Export JSON').disabled).toBe(true);
  });

  it('loads again on Refresh', async () => {
    send.mockResolvedValueOnce([]).mockResolvedValueOnce(ENTRIES);
    await show();
    await act(async () => button('Refresh').click());
    await act(async () => {});
    expect(send).toHaveBeenCalledTimes(2);
    expect(cells()).toHaveLength(2);
  });

  it('explains a failure to load', async () => {
    send.mockRejectedValue(new MessageError('unreachable', 'The background is not answering.'));
    await show();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'The background is not answering.',
    );
  });

  it.each([
    ['Export CSV', 'csv', /^at,operation,/],
    ['Export JSON', 'json', /^\[\n {2}\{\n {4}"at": "2026-11-26T12:00:01.000Z"/],
  ])('%s downloads a file of every entry', async (name, format, content) => {
    send.mockResolvedValue(ENTRIES);
    await show();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:audit';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    button(name).click();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toMatch(
      new RegExp(`^ghl-audit-log-\\d{4}-\\d\\d-\\d\\d\\.${format}$`),
    );
    expect(clicked[0]!.getAttribute('href')).toBe('blob:audit');
    expect(clicked[0]!.isConnected).toBe(false);
    const text = await blobs[0]!.text();
    expect(text).toMatch(content);
    expect(text).toContain('update-task-completed');
    expect(text).toContain('get-contact');
  });
});
