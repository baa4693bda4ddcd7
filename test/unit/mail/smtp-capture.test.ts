import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import { SmtpCapture } from '../../support/smtp-capture.js';

// The mailer tests rely on the capture to see envelopes; this shows it would see a breach of the rule.
describe('the SMTP capture used by tests', () => {
  let capture: SmtpCapture;
  beforeAll(async () => {
    capture = await SmtpCapture.start();
  });
  afterAll(() => capture.stop());

  it('records every envelope recipient, Bcc included, so a one-recipient assertion means something', async () => {
    const raw = nodemailer.createTransport({ url: capture.url, logger: false });
    try {
      const waiting = capture.waitFor((message) => message.subject === 'to many');
      await raw.sendMail({
        from: 'sender@example.test',
        to: 'a@example.test, b@example.test',
        bcc: 'hidden@example.test',
        subject: 'to many',
        text: 'x',
      });
      const message = await waiting;
      expect(message.envelopeFrom).toBe('sender@example.test');
      expect(message.envelopeTo).toEqual(['a@example.test', 'b@example.test', 'hidden@example.test']);
      expect(message.to).toBe('a@example.test, b@example.test');
      expect(message.headers.bcc).toBeUndefined();
    } finally {
      raw.close();
    }
  });

  it('times out a wait for a message that never comes, and clears', async () => {
    await expect(capture.waitFor((message) => message.subject === 'never', 50)).rejects.toThrow(/no matching message within 50 ms/);
    capture.clear();
    expect(capture.messages).toHaveLength(0);
  });
});
