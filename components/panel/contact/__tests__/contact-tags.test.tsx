// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { button, click, input, textOf, type } from '@/components/sync/__tests__/render-page';
import { tagError } from '../contact-tags';
import { JANE, showCard, unmountCard } from './card-harness';

describe('tagError', () => {
  it.each([
    ['', 'Enter a tag to add.'],
    ['VIP', 'The contact already has the tag ‘VIP’.'],
    ['x'.repeat(201), 'A tag can have at most 200 characters.'],
    ['x'.repeat(200), undefined],
    ['follow-up', undefined],
  ])('%j → %s', (tag, expected) => {
    expect(tagError(tag, ['vip', 'lead'])).toBe(expected);
  });
});

describe('ContactTags', () => {
  afterEach(() => unmountCard());

  it('removes one tag', async () => {
    const { page, written, announced } = await showCard({ record: JANE });
    await click(button(page, 'Remove tag lead'));
    expect(written).toEqual([{ kind: 'tags.remove', contactId: 'c1', tags: ['lead'] }]);
    expect(announced).toEqual(['Tag ‘lead’ removed — sending to GHL']);
    expect(document.activeElement).toBe(input(page, 'New tag'));
  });

  it('adds a trimmed tag and empties the field', async () => {
    const { page, written, announced } = await showCard({ record: JANE });
    await type(input(page, 'New tag'), '  Follow-up ');
    await click(button(page, 'Add tag'));
    expect(written).toEqual([{ kind: 'tags.add', contactId: 'c1', tags: ['Follow-up'] }]);
    expect(announced).toEqual(['Tag ‘Follow-up’ added — sending to GHL']);
    expect(input(page, 'New tag').value).toBe('');
  });

  it.each([
    [' VIP ', 'The contact already has the tag ‘VIP’.'],
    ['   ', 'Enter a tag to add.'],
  ])('refuses %j inline, sending nothing', async (tag, message) => {
    const { page, written } = await showCard({ record: JANE });
    await type(input(page, 'New tag'), tag);
    await click(button(page, 'Add tag'));
    expect(written).toEqual([]);
    const field = input(page, 'New tag');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toBe(
      message,
    );
    expect(document.activeElement).toBe(field);
  });

  it('keeps the typed tag when the write is refused', async () => {
    const { page } = await showCard({ record: JANE }, { actions: { write: async () => false } });
    await type(input(page, 'New tag'), 'hot');
    await click(button(page, 'Add tag'));
    expect(input(page, 'New tag').value).toBe('hot');
  });

  it('says when there are no tags', async () => {
    const { page } = await showCard({ record: { ...JANE, tags: [] } });
    expect(textOf(page)).toContain('No tags.');
  });
});
