import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { MailConfigError, MailDeliveryError, MailMessageError } from '../../../libs/platform/src/mail/mail-errors.js';
import { Mailer, type OutgoingMail } from '../../../libs/platform/src/mail/mailer.js';
import { IDEMPOTENCY_KEY_HEADER, messageIdFor } from '../../../libs/platform/src/mail/message-identity.js';
import { SmtpCapture } from '../../support/smtp-capture.js';

const FROM = 'Breachflow <noreply@breachflow.test>';
const KEY = 'notice:7d1f3c2a-0b7e-4f7a-9a51-2f0c1d9e8b11:rcp-42:tpl-3';

const notice = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'patient.one@example.test',
  subject: 'Information om en personuppgiftsincident',
  text: 'Vi skriver till dig eftersom…',
  idempotencyKey: KEY,
  ...overrides,
});

/** The error `promise` rejects with, or a failure when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('the mailer, against a real SMTP server', () => {
  let capture: SmtpCapture;
  let mailer: Mailer;

  beforeAll(async () => {
    capture = await SmtpCapture.start({ rejectRecipient: (address) => address.startsWith('unknown') });
    mailer = new Mailer({ smtpUrl: capture.url, from: FROM });
  });
  afterEach(() => capture.clear());
  afterAll(async () => {
    mailer.close();
    await capture.stop();
  });

  it('sends one message per call, each with exactly one envelope recipient', async () => {
    const recipients = ['a@example.test', 'b@example.test', 'c@example.test'];
    for (const [index, to] of recipients.entries()) {
      await mailer.send(notice({ to, idempotencyKey: `notice:inc-1:rcp-${index}:tpl-1` }));
    }
    const received = await capture.waitForCount(3);
    expect(received).toHaveLength(3);
    for (const message of received) expect(message.envelopeTo).toHaveLength(1);
    expect(received.map((message) => message.envelopeTo[0]).sort()).toEqual(recipients);
    expect(received.map((message) => message.to).sort()).toEqual(recipients);
    expect(received.every((message) => message.envelopeFrom === 'noreply@breachflow.test')).toBe(true);
    expect(received.every((message) => !('cc' in message.headers) && !('bcc' in message.headers))).toBe(true);
  });

  it('delivers subject, text and html as given, from the configured sender', async () => {
    await mailer.send(notice({ html: '<p>Vi skriver till dig <strong>eftersom</strong>…</p>' }));
    const message = await capture.waitFor();
    expect(message.subject).toBe('Information om en personuppgiftsincident');
    expect(message.text.trim()).toBe('Vi skriver till dig eftersom…');
    expect(message.html).toBe('<p>Vi skriver till dig <strong>eftersom</strong>…</p>');
    expect(message.headers.from).toBe('Breachflow <noreply@breachflow.test>');
  });

  it('derives the Message-ID from the idempotency key, so a retried send is the same message', async () => {
    const expected = `<${createHash('sha256').update(KEY).digest('hex')}@breachflow>`;
    const first = await mailer.send(notice());
    const retry = await mailer.send(notice());
    expect(first.messageId).toBe(expected);
    expect(retry.messageId).toBe(expected);
    expect(messageIdFor(KEY)).toBe(expected);

    const [one, two] = await capture.waitForCount(2);
    expect(one.messageId).toBe(expected);
    expect(two.messageId).toBe(expected);
    expect(one.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]).toBe(KEY);

    const other = await mailer.send(notice({ idempotencyKey: `${KEY}-b` }));
    expect(other.messageId).not.toBe(expected);
  });

  it('passes extra headers through', async () => {
    await mailer.send(notice({ headers: { 'Auto-Submitted': 'auto-generated', 'X-Breachflow-Incident': 'inc-1' } }));
    const message = await capture.waitFor();
    expect(message.headers['auto-submitted']).toBe('auto-generated');
    expect(message.headers['x-breachflow-incident']).toBe('inc-1');
  });

  it.each([
    ['a comma-separated list', 'a@example.test, b@example.test'],
    ['a semicolon-separated list', 'a@example.test;b@example.test'],
    ['two addresses without a separator', 'a@example.test b@example.test'],
    ['two @ signs', 'a@b@example.test'],
    ['a display name with a second address', '"x@y.test" <a@example.test>'],
    ['a group', 'patients: a@example.test;'],
    ['an empty string', '   '],
    ['no @ at all', 'example.test'],
    ['an empty domain', 'a@'],
    ['a line break', 'a@example.test\r\nBcc: b@example.test'],
  ])('refuses %s as the recipient, sending nothing', async (_what, to) => {
    const error = await rejection(mailer.send(notice({ to })));
    expect(error).toBeInstanceOf(MailMessageError);
    expect(capture.messages).toHaveLength(0);
  });

  it('refuses a list given as an array', async () => {
    const to = ['a@example.test', 'b@example.test'] as unknown as string;
    expect(await rejection(mailer.send(notice({ to })))).toBeInstanceOf(MailMessageError);
  });

  it('names the broken rule in a refusal but never the address', async () => {
    const error = await rejection(mailer.send(notice({ to: 'anna.svensson@example.test, erik@example.test' })));
    expect(error.message).toMatch(/exactly one/);
    expect(error.message).toMatch(/list separator/);
    expect(error.message).not.toContain('anna');
    expect(error.message).not.toContain('example.test');
  });

  it.each(['To', 'cc', 'BCC', 'From', 'Reply-To', 'Message-ID', 'Subject', 'Resent-To', 'Content-Type', IDEMPOTENCY_KEY_HEADER])(
    'refuses %s among the extra headers (only the mailer sets recipients and identity)',
    async (name) => {
      const error = await rejection(mailer.send(notice({ headers: { [name]: 'b@example.test' } })));
      expect(error).toBeInstanceOf(MailMessageError);
      expect(capture.messages).toHaveLength(0);
    },
  );

  it('refuses header values and subjects that would inject header lines', async () => {
    expect(await rejection(mailer.send(notice({ headers: { 'X-Note': 'ok\r\nBcc: b@example.test' } })))).toBeInstanceOf(MailMessageError);
    expect(await rejection(mailer.send(notice({ subject: 'Hello\r\nBcc: b@example.test' })))).toBeInstanceOf(MailMessageError);
    expect(await rejection(mailer.send(notice({ headers: { 'X Bad': 'v' } })))).toBeInstanceOf(MailMessageError);
    expect(capture.messages).toHaveLength(0);
  });

  it.each([
    ['an address', 'notice:inc-1:anna@example.test:tpl-1'],
    ['spaces', 'notice inc-1'],
    ['an empty key', ''],
    ['a line break', 'notice:inc-1\r\nBcc:x'],
  ])('refuses an idempotency key with %s (keys are made of ids only)', async (_what, idempotencyKey) => {
    const error = await rejection(mailer.send(notice({ idempotencyKey })));
    expect(error).toBeInstanceOf(MailMessageError);
    expect(error.message).not.toContain('anna');
  });

  it('accepts the documented key shapes', async () => {
    await mailer.send(notice({ idempotencyKey: 'reminder:7d1f3c2a-0b7e-4f7a-9a51-2f0c1d9e8b11:gdpr-art33:p75:user_12' }));
    expect((await capture.waitFor()).headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]).toBe(
      'reminder:7d1f3c2a-0b7e-4f7a-9a51-2f0c1d9e8b11:gdpr-art33:p75:user_12',
    );
  });

  it('reports a refused recipient as a permanent failure without the server reply (which quotes the address)', async () => {
    const error = await rejection(mailer.send(notice({ to: 'unknown.person@example.test' })));
    expect(error).toBeInstanceOf(MailDeliveryError);
    const delivery = error as MailDeliveryError;
    expect(delivery.permanent).toBe(true);
    expect(delivery.message).not.toContain('unknown.person');
    expect(delivery.message).not.toContain('example.test');
    expect(delivery.cause).toBeUndefined();
  });

  it('verifies the connection for the health check', async () => {
    await expect(mailer.verify()).resolves.toBeUndefined();
  });
});

describe('the mailer configuration', () => {
  it('authenticates with credentials from the URL, percent-encoded', async () => {
    const capture = await SmtpCapture.start({ auth: { user: 'mailer@breachflow.test', pass: 'p@ss:w/rd' } });
    const url = `smtp://${encodeURIComponent('mailer@breachflow.test')}:${encodeURIComponent('p@ss:w/rd')}@127.0.0.1:${capture.port}`;
    const mailer = new Mailer({ smtpUrl: url, from: 'noreply@breachflow.test', pool: false });
    const wrong = new Mailer({ smtpUrl: url.replace('p%40ss', 'wrong'), from: 'noreply@breachflow.test', pool: false });
    try {
      await mailer.verify();
      await mailer.send(notice());
      expect((await capture.waitFor()).envelopeTo).toEqual(['patient.one@example.test']);

      const error = await rejection(wrong.verify());
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as MailDeliveryError).code).toBe('EAUTH');
      expect(error.message).not.toContain('wrong');
    } finally {
      mailer.close();
      wrong.close();
      await capture.stop();
    }
  });

  it('reports an unreachable server as a retryable failure', async () => {
    const capture = await SmtpCapture.start();
    const port = capture.port;
    await capture.stop();
    const mailer = new Mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'noreply@breachflow.test', pool: false });
    try {
      const error = await rejection(mailer.send(notice()));
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as MailDeliveryError).permanent).toBe(false);
    } finally {
      mailer.close();
    }
  });

  it.each([
    ['not a URL', 'localhost:25'],
    ['another scheme', 'http://mail.example.test'],
    ['a URL that turns on transport logging', 'smtp://mail.example.test:25?logger=true'],
    ['a URL that turns on debug output', 'smtp://mail.example.test:25?debug=true'],
  ])('refuses %s, without echoing it', (_what, smtpUrl) => {
    const secretUrl = smtpUrl.replace('mail.example.test', 'user:s3cret@mail.example.test');
    let error: unknown;
    try {
      new Mailer({ smtpUrl: secretUrl, from: 'noreply@breachflow.test' }).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MailConfigError);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it.each(['a@example.test, b@example.test', 'not-an-address', 'Group: a@example.test;'])('refuses %p as the sender', (from) => {
    expect(() => new Mailer({ smtpUrl: 'smtp://127.0.0.1:2525', from })).toThrow(MailConfigError);
  });

  it('accepts smtps URLs and a bare sender address', () => {
    const mailer = new Mailer({ smtpUrl: 'smtps://user:pass@mail.example.test:465', from: 'noreply@example.test' });
    mailer.close();
  });
});
