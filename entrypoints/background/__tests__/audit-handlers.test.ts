import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SANDBOX_TOKENS } from '@/sandbox/sandbox-fixtures';
import { JANE } from './sync-wiring-harness';
import { janeLinked, PAGE } from './jane-linked';

describe('audit message handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('audit/list has a line per request GHL was sent, and never the token', async () => {
    const h = await janeLinked();
    const entries = await h.run(h.handlers['audit/list']({}, PAGE));

    expect(entries.length).toBe(h.sandbox.state.counters.total);
    expect(entries).toContainEqual(
      expect.objectContaining({ method: 'GET', recordId: JANE, startedBy: 'person' }),
    );
    expect(JSON.stringify(entries)).not.toContain(SANDBOX_TOKENS.readWrite);
  });
});
