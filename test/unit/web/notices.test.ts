import { describe, expect, it } from '@jest/globals';
import { noticesEn } from '../../../apps/web/src/i18n/notices.en.js';
import { noticesSv } from '../../../apps/web/src/i18n/notices.sv.js';
import { describeMasked } from '../../../apps/web/src/features/notices/notice-labels.js';
import { contentOf, contentValuesOf, importContentType, reaches } from '../../../apps/web/src/features/notices/notice-rules.js';
import { acceptRecipientRow } from '../../../libs/domain/src/notices/recipient-row.js';

const recipient = (change: Partial<Parameters<typeof reaches>[1]> = {}) => ({ channels: ['email', 'sms'], language: 'sv', segment: 'health', purged: false, ...change });

describe('whom a notice reaches, as the preview lists them (web app)', () => {
  it('takes the recipients reachable on its channel, of its language and segment when it names them', () => {
    const email = { channel: 'email' as const, targetLanguage: null, segment: null };
    expect(reaches(email, recipient())).toBe(true);
    expect(reaches({ ...email, channel: 'letter' }, recipient())).toBe(false);
    expect(reaches({ ...email, channel: 'sms' }, recipient())).toBe(true);
    expect(reaches({ ...email, channel: 'public' }, recipient())).toBe(false);
    expect(reaches({ ...email, targetLanguage: 'en' }, recipient())).toBe(false);
    expect(reaches({ ...email, targetLanguage: 'sv-easy' }, recipient({ language: 'sv-easy' }))).toBe(true);
    expect(reaches({ ...email, segment: 'contact' }, recipient())).toBe(false);
    expect(reaches(email, recipient({ purged: true }))).toBe(false);
  });

  it('lists a person masked: the name and the address the channel uses', () => {
    const masked = { name: 'A. A.', email: 'a***@x***.example', phone: '+46*******67', postalAddress: '*** 123** ***' };
    expect(describeMasked(masked, 'email')).toBe('A. A., a***@x***.example');
    expect(describeMasked(masked, 'sms')).toBe('A. A., +46*******67');
    expect(describeMasked(masked)).toBe('A. A., a***@x***.example, +46*******67, *** 123** ***');
    expect(describeMasked({})).toBe('–');
  });
});

describe('a notice’s texts as the API takes them (web app)', () => {
  it('trims them, leaves out the empty ones, sends a subject only for an e-mail and nothing for an SMS', () => {
    const values = { subject: ' Ämne ', nature: ' Vad hände. ', consequences: '', measures: '  ', advice: 'Råd.' };
    expect(contentOf(values, 'email')).toEqual({ subject: 'Ämne', nature: 'Vad hände.', advice: 'Råd.' });
    expect(contentOf(values, 'letter')).toEqual({ nature: 'Vad hände.', advice: 'Råd.' });
    expect(contentOf(values, 'sms')).toEqual({});
    expect(contentValuesOf({ nature: 'N' })).toEqual({ subject: '', nature: 'N', consequences: '', measures: '', advice: '' });
  });

  it('sends a file as JSON by its name or type, otherwise as CSV', () => {
    expect(importContentType({ name: 'people.json', type: '' })).toBe('application/json');
    expect(importContentType({ name: 'people', type: 'application/json' })).toBe('application/json');
    expect(importContentType({ name: 'people.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(importContentType({ name: 'people.txt', type: 'text/plain' })).toBe('text/csv');
  });
});

describe('the import report in Swedish (web app)', () => {
  it('words every reason the API gives for a bad row in Swedish, and keeps an unknown one as the API wrote it', () => {
    const bad = [
      { email: 'not-an-address' },
      { email: 'a@b.example', phone: '0701234567' },
      { email: 'a@b.example', language: 'fi' },
      { email: 'a@b.example', personalIdentityNumber: '19850101-0000' },
      { email: 'a@b.example', name: 'x'.repeat(501) },
      { email: 'a@b.example', colour: 'blue' },
      { name: 'Namn Utan Adress' },
      { postalAddress: 'Gatan 1, 123 45 Staden' },
    ];
    const reasons = bad.flatMap((row) => {
      const checked = acceptRecipientRow(row, 2);
      return 'errors' in checked ? checked.errors.map((error) => error.reason) : [];
    });
    // The reasons the import itself adds (a duplicate, a file that cannot be read on).
    reasons.push('the same person as on line 3', 'malformed CSV (CSV_RECORD_INCONSISTENT_COLUMNS)', 'malformed JSON: send an array of objects');
    expect(reasons.length).toBeGreaterThanOrEqual(bad.length + 3);
    for (const reason of reasons) {
      expect(noticesSv.recipients.reason(reason)).not.toBe(reason);
      expect(noticesEn.recipients.reason(reason)).toBe(reason);
    }
    expect(noticesSv.recipients.reason('the same person as on line 3')).toBe('samma person som på rad 3');
    expect(noticesSv.recipients.reason('something new')).toBe('something new');
  });

  it('explains a delivery’s failure code in words, or says nothing it does not know', () => {
    expect(noticesSv.sending.failure('no-email-address')).toBe('ingen e-postadress');
    expect(noticesEn.sending.failure('EENVELOPE RCPT TO 550')).toBe('the recipient’s server refused the message');
    expect(noticesSv.sending.failure('ECONNECTION (5 attempts)')).toBe('tillfälligt fel, gav upp efter 5 försök');
    expect(noticesEn.sending.failure('provider-said-no')).toBe('');
  });
});
