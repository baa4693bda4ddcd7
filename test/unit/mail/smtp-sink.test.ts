import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mailer } from '../../../libs/platform/src/mail/mailer.js';
import { InvalidSinkMessageIdError, listSinkMessages, readSinkMessage } from '../../../libs/platform/src/mail/sink-messages.js';
import { startSmtpSink, type SmtpSink } from '../../../libs/platform/src/mail/smtp-sink.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the local SMTP sink', () => {
  let root: string;
  let storeDir: string;
  let sink: SmtpSink;
  let mailer: Mailer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'breachflow-sink-'));
    storeDir = join(root, 'mail');
    sink = await startSmtpSink({ port: 0, host: '127.0.0.1', storeDir, maxMessageBytes: 64 * 1024 });
    mailer = new Mailer({ smtpUrl: sink.url, from: 'Breachflow <noreply@breachflow.test>', pool: false });
    for (const n of [1, 2, 3]) {
      await mailer.send({
        to: `person${n}@example.test`,
        subject: `Message ${n}`,
        text: `Body ${n}`,
        ...(n === 3 && { html: '<p>Body 3</p>' }),
        idempotencyKey: `notice:inc-1:rcp-${n}:tpl-1`,
      });
      await tick();
    }
  });
  afterAll(async () => {
    mailer.close();
    await sink.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('listens on loopback at a free port and says so in its URL', () => {
    expect(sink.port).toBeGreaterThan(0);
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
  });

  it('stores each received message as an .eml file with a safe name, readable only by the owner', async () => {
    const files = await readdir(storeDir);
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(file).toMatch(/^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{12}\.eml$/);
      expect((await stat(join(storeDir, file))).mode & 0o077).toBe(0);
    }
    const content = await readFile(join(storeDir, files[0]), 'utf8');
    expect(content).toMatch(/^Return-Path: <noreply@breachflow.test>\r\nDelivered-To: person\d@example.test\r\n/);
    expect(content).toContain('Subject: Message');
  });

  it('lists parsed summaries newest first, with the envelope recipients', async () => {
    const listed = await listSinkMessages(storeDir);
    expect(listed.map((message) => message.subject)).toEqual(['Message 3', 'Message 2', 'Message 1']);
    const [newest] = listed;
    expect(newest).toEqual({
      id: expect.stringMatching(/\.eml$/),
      receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      from: '"Breachflow" <noreply@breachflow.test>',
      to: 'person3@example.test',
      envelopeTo: ['person3@example.test'],
      subject: 'Message 3',
      text: expect.stringContaining('Body 3'),
    });
    expect(Date.parse(newest.receivedAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - Date.parse(newest.receivedAt)).toBeLessThan(60_000);
  });

  it('honours the limit', async () => {
    expect((await listSinkMessages(storeDir, { limit: 2 })).map((message) => message.subject)).toEqual(['Message 3', 'Message 2']);
    expect(await listSinkMessages(storeDir, { limit: 0 })).toEqual([]);
  });

  it('reads one message whole, html and source included', async () => {
    const [newest] = await listSinkMessages(storeDir, { limit: 1 });
    const message = await readSinkMessage(storeDir, newest.id);
    expect(message).not.toBeNull();
    expect(message?.html).toBe('<p>Body 3</p>');
    expect(message?.messageId).toMatch(/^<[0-9a-f]{64}@breachflow>$/);
    expect(message?.headers).toContainEqual({ name: 'x-breachflow-idempotency-key', value: 'notice:inc-1:rcp-3:tpl-1' });
    expect(message?.raw).toContain('Subject: Message 3');
  });

  it('answers null for a well-formed id that is not stored', async () => {
    expect(await readSinkMessage(storeDir, '20000101T000000000Z-000001-000000000000.eml')).toBeNull();
  });

  it.each([
    '../secrets.json',
    '..',
    '../../etc/passwd',
    '/etc/passwd',
    'mail/../../x.eml',
    '..\\..\\x.eml',
    '20261124T081000123Z-000001-0a1b2c3d4e5f.eml/../../x',
    '20261124T081000123Z-000001-0a1b2c3d4e5f.eml\0',
    '',
  ])('refuses the id %p (path traversal)', async (id) => {
    await expect(readSinkMessage(storeDir, id)).rejects.toBeInstanceOf(InvalidSinkMessageIdError);
  });

  it('lists nothing for a store that does not exist yet', async () => {
    expect(await listSinkMessages(join(root, 'nowhere'))).toEqual([]);
  });

  it('refuses a message over the size limit and stores nothing for it', async () => {
    const before = (await readdir(storeDir)).length;
    await expect(
      mailer.send({ to: 'big@example.test', subject: 'Big', text: 'x'.repeat(200 * 1024), idempotencyKey: 'notice:big' }),
    ).rejects.toMatchObject({ responseCode: 552, permanent: true });
    expect(await readdir(storeDir)).toHaveLength(before);
  });

  it('answers 550 at RCPT TO for the recipients it is told to refuse, and stores nothing for them', async () => {
    const refusing = await startSmtpSink({ storeDir: join(root, 'refusing'), refuseRecipient: (address) => address.endsWith('.invalid') });
    const client = new Mailer({ smtpUrl: refusing.url, from: 'noreply@breachflow.test', pool: false });
    try {
      await expect(client.send({ to: 'gone@bounce.invalid', subject: 'Refused', text: 't', idempotencyKey: 'k:refused' })).rejects.toMatchObject({ responseCode: 550, command: 'RCPT TO', permanent: true });
      await client.send({ to: 'here@example.test', subject: 'Taken', text: 't', idempotencyKey: 'k:taken' });
      expect((await listSinkMessages(join(root, 'refusing'))).map((message) => message.envelopeTo)).toEqual([['here@example.test']]);
    } finally {
      client.close();
      await refusing.stop();
    }
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startSmtpSink({ host: '0.0.0.0' as '127.0.0.1', storeDir })).rejects.toThrow(/loopback/);
  });

  it('keeps only the newest messages when a maximum is set', async () => {
    const small = join(root, 'small');
    const bounded = await startSmtpSink({ storeDir: small, maxStoredMessages: 2 });
    const client = new Mailer({ smtpUrl: bounded.url, from: 'noreply@breachflow.test', pool: false });
    try {
      for (const n of [1, 2, 3, 4]) {
        await client.send({ to: 'p@example.test', subject: `Kept ${n}`, text: 't', idempotencyKey: `k:${n}` });
        await tick();
      }
      expect((await listSinkMessages(small)).map((message) => message.subject)).toEqual(['Kept 4', 'Kept 3']);
    } finally {
      client.close();
      await bounded.stop();
    }
  });
});
