import { describe, expect, it } from '@jest/globals';
import { maskEmail, maskName, maskPersonalIdentityNumber, maskPhone, maskPostalAddress } from '../../../libs/domain/src/notices/masking.js';
import { normalisePersonalIdentityNumber } from '../../../libs/domain/src/notices/personal-identity-number.js';
import { acceptRecipientRow } from '../../../libs/domain/src/notices/recipient-row.js';

const today = new Date('2026-11-30T12:00:00Z');

describe('personnummer', () => {
  it('accepts the forms people write, checking the Luhn digit, and gives twelve digits', () => {
    expect(normalisePersonalIdentityNumber('811218-9876', today)).toBe('198112189876');
    expect(normalisePersonalIdentityNumber('8112189876', today)).toBe('198112189876');
    expect(normalisePersonalIdentityNumber('198112189876', today)).toBe('198112189876');
    expect(normalisePersonalIdentityNumber('191212121212', today)).toBe('191212121212');
    // "+" marks someone a hundred years or older.
    expect(normalisePersonalIdentityNumber('121212+1212', today)).toBe('191212121212');
    expect(normalisePersonalIdentityNumber('121212-1212', today)).toBe('201212121212');
  });

  it('refuses a wrong check digit and anything that is not a personnummer', () => {
    expect(normalisePersonalIdentityNumber('811218-9875', today)).toBeNull();
    expect(normalisePersonalIdentityNumber('81121-9876', today)).toBeNull();
    expect(normalisePersonalIdentityNumber('abc', today)).toBeNull();
  });
});

describe('masking', () => {
  it('keeps enough to recognise a row and never the address', () => {
    expect(maskEmail('anna.andersson@region.example.se')).toBe('a***@r***.se');
    expect(maskPhone('+46701234567')).toBe('+46*******67');
    expect(maskPersonalIdentityNumber('198112189876')).toBe('1981****-***6');
    expect(maskName('Anna Maria Andersson')).toBe('A. M. A.');
    expect(maskPostalAddress('Storgatan 1, 123 45 Exempelby')).toBe('*** 123** ***');
  });
});

describe('an imported row', () => {
  it('is normalised, masked and given the channels its addresses allow', () => {
    const result = acceptRecipientRow({ email: ' Anna@Region.EXAMPLE ', phone: '+46 70-123 45 67', name: 'Anna A', postalAddress: 'Storgatan 1, 123 45 Exempelby', language: 'sv-easy', segment: 'health', personalIdentityNumber: '811218-9876' }, 2);
    if (!('recipient' in result)) throw new Error('refused');
    expect(result.recipient.contact).toEqual({ email: 'Anna@region.example', phone: '+46701234567', name: 'Anna A', postalAddress: 'Storgatan 1, 123 45 Exempelby', personalIdentityNumber: '198112189876' });
    expect(result.recipient).toMatchObject({ language: 'sv-easy', segment: 'health', channels: ['email', 'sms', 'letter'], identity: 'email:anna@region.example' });
    expect(JSON.stringify(result.recipient.masked)).not.toContain('Anna@');
  });

  it('names each bad field with its line, and needs a way to reach the person', () => {
    expect(acceptRecipientRow({ email: 'nope', phone: '070123', language: 'de', personalIdentityNumber: '811218-9875', colour: 'blue' }, 7)).toEqual({
      errors: [
        { line: 7, field: 'colour', reason: expect.stringMatching(/not a known column/) },
        { line: 7, field: 'email', reason: 'is not an e-mail address' },
        { line: 7, field: 'phone', reason: expect.stringMatching(/E\.164/) },
        { line: 7, field: 'personalIdentityNumber', reason: expect.stringMatching(/check digit/) },
        { line: 7, field: 'language', reason: 'must be one of sv, en, sv-easy' },
      ],
    });
    expect(acceptRecipientRow({ name: 'Anna' }, 3)).toEqual({ errors: [{ line: 3, field: 'email', reason: expect.stringMatching(/needs an e-mail address, a phone number or a postal address/) }] });
    expect(acceptRecipientRow({ postalAddress: 'Storgatan 1' }, 4)).toEqual({ errors: [{ line: 4, field: 'name', reason: expect.stringMatching(/letter needs the name/) }] });
  });

  it('refuses text PostgreSQL cannot store, naming the column', () => {
    expect(acceptRecipientRow({ email: 'anna@example.se', name: 'Anna\u0000' }, 5)).toEqual({ errors: [{ line: 5, field: 'name', reason: expect.stringMatching(/NUL/) }] });
  });

  it('recognises the same person by e-mail whatever its case, else by phone, else by name and address', () => {
    const identity = (raw: Record<string, string>) => {
      const result = acceptRecipientRow(raw, 1);
      return 'recipient' in result ? result.recipient.identity : null;
    };
    expect(identity({ email: 'ANNA@x.example' })).toBe(identity({ email: 'anna@X.example' }));
    expect(identity({ phone: '+46701234567' })).toBe('phone:+46701234567');
    expect(identity({ name: 'Anna A', postalAddress: 'Storgatan 1,  123 45 Ort' })).toBe(identity({ name: 'anna a', postalAddress: 'storgatan 1, 123 45 ort' }));
  });
});
