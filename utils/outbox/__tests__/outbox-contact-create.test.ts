import { describe, expect, it } from 'vitest';
import { createCacheDbSource } from '../../db/open-cache-db';
import type { OutboxOperation } from '../../messaging/write-schemas';
import type { StoredOutboxJob } from '../outbox-queue';
import { e164Guess } from '../operations/contact-lookup';
import { outboxUnderTest, type OutboxUnderTest } from './outbox-harness';

/**
 * Issue 19: a contact create whose answer is lost is never made twice and never shown as failed,
 * against a Sandbox that behaves as real GHL: search lags (3 s by default) and phone numbers are
 * stored in E.164 whatever format they were sent in.
 */

const create = (body: Record<string, unknown>): OutboxOperation => ({
  kind: 'contact.create',
  body: { firstName: 'Robin', ...body },
});

function contactsWith(h: OutboxUnderTest, field: 'email' | 'phone', value: string) {
  return [...h.sandbox.state.data.contacts.values()].filter((c) => c[field] === value);
}

function watched(h: OutboxUnderTest) {
  const failures: StoredOutboxJob[] = [];
  const outbox = h.outbox({ onPermanentFailure: (job) => failures.push(job) });
  return { outbox, failures };
}

describe('contact creates under search lag and E.164 phones', () => {
  it.each([
    ['(555) 010-2030', '+15550102030'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['1-555-010-2030', '+15550102030'],
    ['12', undefined],
  ])('guesses %s in E.164 as %s', (phone, expected) => {
    expect(e164Guess(phone)).toBe(expected);
  });

  it('twenty phone-only creates whose answers are lost: each made once, none failed', async () => {
    const h = outboxUnderTest();
    const { outbox, failures } = watched(h);
    for (let i = 0; i < 20; i += 1) {
      const national = `(555) 2${String(i).padStart(2, '0')}-${1000 + i}`;
      const stored = `+15552${String(i).padStart(2, '0')}${1000 + i}`;
      await h.faults({ dropNext: { count: 1, afterApply: true } });
      await h.run(outbox.enqueue(create({ lastName: `Phone ${i}`, phone: national })));
      await h.settle(outbox);
      expect(contactsWith(h, 'phone', stored)).toHaveLength(1);
    }
    expect(failures).toEqual([]);
    expect(await outbox.list()).toEqual([]);
    // Found by GHL's duplicate check, never sent twice: search (which lags) was not needed.
    expect(h.count('POST /contacts/')).toBe(20);
    expect(h.count('GET /contacts/search/duplicate')).toBe(20);
    expect(h.count('POST /contacts/search')).toBe(0);
  });

  it('an email create whose answer is lost is found at once, though search does not see it', async () => {
    const h = outboxUnderTest();
    const { outbox, failures } = watched(h);
    await h.faults({ dropNext: { count: 1, afterApply: true } });
    await h.run(outbox.enqueue(create({ email: 'robin.lag@example.com' })));
    await h.settle(outbox);
    expect(contactsWith(h, 'email', 'robin.lag@example.com')).toHaveLength(1);
    expect(failures).toEqual([]);
    expect(h.count('POST /contacts/')).toBe(1);
  });

  it('a number it cannot put in E.164: the resend refused as a duplicate is taken as the lost one', async () => {
    const h = outboxUnderTest();
    const { outbox, failures } = watched(h);
    // A national number without its country: the product cannot tell GHL's E.164 form, so the
    // duplicate check is not asked, search (lagging) misses it, and it is sent again.
    await h.faults({ dropNext: { count: 1, afterApply: true } });
    await h.run(outbox.enqueue(create({ phone: '020 7946 09' })));
    await h.settle(outbox);

    const made = [...h.sandbox.state.data.contacts.values()].filter((c) => c.firstName === 'Robin');
    expect(made).toHaveLength(1);
    expect(h.requests).toEqual([
      'POST /contacts/',
      'POST /contacts/search',
      'POST /contacts/',
      `GET /contacts/${made[0]!.id}`,
    ]);
    expect(failures).toEqual([]);
    expect(await outbox.list()).toEqual([]);
    // The transcript's cache has the contact GHL made.
    const db = await createCacheDbSource(h.dbName).get();
    expect(await db.get('contacts', made[0]!.id)).toBeDefined();
  });

  it('a create GHL applies and answers 422 (#64) ends applied, not failed', async () => {
    const h = outboxUnderTest();
    const { outbox, failures } = watched(h);
    await h.faults({ createThen422Next: 1 });
    await h.run(outbox.enqueue(create({ email: 'robin.422@example.com' })));
    await h.settle(outbox);
    expect(contactsWith(h, 'email', 'robin.422@example.com')).toHaveLength(1);
    expect(failures).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it('a real duplicate (a contact that was there before) still fails, and is not taken', async () => {
    const h = outboxUnderTest();
    const { outbox, failures } = watched(h);
    // Jane Doe is seeded weeks before this write.
    await h.run(outbox.enqueue(create({ email: 'jane.doe@acme.example' })));
    await h.settle(outbox);
    expect(failures).toHaveLength(1);
    expect(await outbox.list()).toMatchObject([
      {
        status: 'failed',
        error: { kind: 'validation', message: expect.stringMatching(/duplicated contacts/) },
      },
    ]);
    expect(contactsWith(h, 'email', 'jane.doe@acme.example')).toHaveLength(1);
  });

  it('a 422 for a create GHL did not apply still fails', async () => {
    const h = outboxUnderTest();
    const { outbox, failures } = watched(h);
    await h.faults({ createThen422Next: 1 });
    // The contact GHL made under the 422 is deleted before the look-up: nothing to take.
    h.hooks.onRequest = (name, answer) =>
      name === 'GET /contacts/search/duplicate'
        ? (async () => {
            for (const c of contactsWith(h, 'email', 'robin.gone@example.com')) {
              h.sandbox.state.deleteContact(c.id);
            }
            return answer();
          })()
        : undefined;
    await h.run(outbox.enqueue(create({ email: 'robin.gone@example.com' })));
    await h.settle(outbox);
    expect(failures).toHaveLength(1);
    expect(await outbox.list()).toMatchObject([
      { status: 'failed', error: { kind: 'validation' } },
    ]);
  });
});
