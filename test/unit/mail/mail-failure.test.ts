/**
 * Which failed sends are the message's fault for good (record and skip) and which are worth a
 * retry: the same reading for reminders, digests and Art. 34 notices.
 */
import { describe, expect, it } from '@jest/globals';
import { MailDeliveryError, MailMessageError } from '../../../libs/platform/src/mail/mail-errors.js';
import { mailFailureOf } from '../../../libs/platform/src/mail/mail-failure.js';

// What nodemailer throws, as its SMTP connection builds it (the reply text quotes the address).
const transportError = (fields: { code: string; command: string; responseCode?: number; response?: string }) =>
  Object.assign(new Error('Can\u2019t send mail'), fields);

describe('a failed send', () => {
  it('is refused for good when the server answers RCPT TO or DATA with 5xx, keeping codes and not the reply', () => {
    for (const command of ['RCPT TO', 'DATA']) {
      const failure = mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EENVELOPE', command, responseCode: 550, response: '550 <anna@example.se>: mailbox unavailable' })));
      expect(failure).toEqual({ permanent: true, code: `EENVELOPE ${command} 550`, responseCode: 550, recipientDeferred: false });
    }
  });

  it('is refused for good when nodemailer refuses the envelope or the message before asking the server', () => {
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EENVELOPE', command: 'API' })))).toMatchObject({ permanent: true, code: 'EENVELOPE API' });
    expect(mailFailureOf(new MailMessageError('Mail recipient is not a well-formed address (local@domain)'))).toEqual({ permanent: true, code: 'MailMessageError', responseCode: null, recipientDeferred: false });
  });

  it('is retried on 4xx, lost connections and timeouts', () => {
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451 })))?.permanent).toBe(false);
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'ECONNECTION', command: 'CONN' })))?.permanent).toBe(false);
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'ETIMEDOUT', command: 'CONN' })))?.permanent).toBe(false);
  });

  it('is deferred for this recipient alone on a 4xx to RCPT TO, but not on 421 (the whole server closing) or a lost connection', () => {
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 452 })))).toMatchObject({ permanent: false, recipientDeferred: true });
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 421 })))?.recipientDeferred).toBe(false);
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'ECONNECTION', command: 'CONN' })))?.recipientDeferred).toBe(false);
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EMESSAGE', command: 'DATA', responseCode: 451 })))?.recipientDeferred).toBe(false);
  });

  it('is retried on a 5xx to the login or the greeting: our mail setup is broken, not the recipient', () => {
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 })))?.permanent).toBe(false);
    expect(mailFailureOf(MailDeliveryError.from('send', transportError({ code: 'EPROTOCOL', command: 'CONN', responseCode: 554 })))?.permanent).toBe(false);
  });

  it('is not a mail failure when something else broke (a database error is no refused address)', () => {
    expect(mailFailureOf(new Error('connection terminated'))).toBeNull();
  });
});
