import { describe, expect, it } from 'vitest';
import {
  contactChanges,
  contactFormValues,
  EMAIL_MESSAGE,
  emailError,
  IDENTITY_MESSAGE,
  PHONE_CHARACTERS_MESSAGE,
  PHONE_LENGTH_MESSAGE,
  phoneError,
  validateContactForm,
} from '../contact-validation';
import { JANE } from './card-harness';

describe('emailError', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['jane@example.com', undefined],
    [' jane.doe+crm@mail.example.co.uk ', undefined],
    ['jane', EMAIL_MESSAGE],
    ['jane@', EMAIL_MESSAGE],
    ['jane@example', EMAIL_MESSAGE],
    ['jane@example.', EMAIL_MESSAGE],
    ['jane@@example.com', EMAIL_MESSAGE],
    ['ja ne@example.com', EMAIL_MESSAGE],
    ['jane@example..com', EMAIL_MESSAGE],
  ])('%j → %s', (value, expected) => {
    expect(emailError(value)).toBe(expected);
  });
});

describe('phoneError', () => {
  it.each([
    ['', undefined],
    ['5550100', undefined],
    ['+1 (555) 010-0199', undefined],
    ['555.010.0199', undefined],
    ['+44 20 7946 0958', undefined],
    ['123456789012345', undefined],
    ['555010', PHONE_LENGTH_MESSAGE],
    ['1234567890123456', PHONE_LENGTH_MESSAGE],
    ['+() - .', PHONE_LENGTH_MESSAGE],
    ['555-CALL-NOW', PHONE_CHARACTERS_MESSAGE],
    ['555 0100 ext 2', PHONE_CHARACTERS_MESSAGE],
  ])('%j → %s', (value, expected) => {
    expect(phoneError(value)).toBe(expected);
  });
});

describe('validateContactForm', () => {
  const form = { firstName: 'Jane', lastName: '', email: '', phone: '', companyName: '' };

  it.each([
    ['a first name alone', form, {}],
    ['a last name alone', { ...form, firstName: '', lastName: 'Doe' }, {}],
    ['an email alone', { ...form, firstName: '', email: 'j@example.com' }, {}],
    ['a phone alone', { ...form, firstName: '', phone: '5550100' }, {}],
    ['nothing left', { ...form, firstName: '  ' }, { firstName: IDENTITY_MESSAGE }],
    // A company does not identify a contact (a teammate's contact may share it).
    [
      'a company alone',
      { ...form, firstName: '', companyName: 'Acme' },
      { firstName: IDENTITY_MESSAGE },
    ],
    [
      'a bad email and phone',
      { ...form, email: 'jane@', phone: '12' },
      { email: EMAIL_MESSAGE, phone: PHONE_LENGTH_MESSAGE },
    ],
  ])('%s', (_case, values, expected) => {
    expect(validateContactForm(values)).toEqual(expected);
  });
});

describe('contactChanges', () => {
  const same = {
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@example.com',
    phone: JANE.phone!,
    companyName: JANE.companyName ?? '',
  };

  it('is empty when nothing changed, spaces aside', () => {
    expect(contactChanges(contactFormValues(JANE), { ...same, firstName: ' Jane ' })).toEqual({});
  });

  it('holds only the changed fields, trimmed, and null for a cleared one', () => {
    expect(
      contactChanges(contactFormValues(JANE), { ...same, lastName: ' Smith ', phone: '' }),
    ).toEqual({
      lastName: 'Smith',
      phone: null,
    });
  });

  it('adds a field the contact did not have', () => {
    const bare = { id: 'c2', firstName: 'Ann', tags: [] };
    expect(
      contactChanges(contactFormValues(bare), {
        firstName: 'Ann',
        lastName: '',
        email: 'a@b.co',
        phone: '',
        companyName: '',
      }),
    ).toEqual({ email: 'a@b.co' });
  });

  it('sends a changed company name (GHL takes it on update, #314)', () => {
    expect(contactChanges(contactFormValues(JANE), { ...same, companyName: ' Initech ' })).toEqual({
      companyName: 'Initech',
    });
  });
});
