/**
 * Templates are compiled once, when the API or the worker starts. A broken or missing template
 * stops the start with the file's name, rather than failing the first reminder hours later; and
 * at render time a variable the model lacks is an error, not a blank line in a filing.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '../../../libs/rendering/src/project-root.js';
import { REQUIRED_TEMPLATES, TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import { goldenMismatch } from './golden.js';

const templatesDir = join(findProjectRoot(), 'templates');
const copies: string[] = [];

/** A scratch copy of the real templates, to break on purpose. */
function copyOfTemplates(): string {
  const directory = mkdtempSync(join(tmpdir(), 'breachflow-templates-'));
  copies.push(directory);
  cpSync(templatesDir, directory, { recursive: true });
  return directory;
}

afterEach(() => {
  for (const directory of copies.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('the template catalog', () => {
  it('finds the project templates by walking up to package.json', () => {
    const catalog = TemplateCatalog.load();
    expect(catalog.directory).toBe(templatesDir);
    for (const name of REQUIRED_TEMPLATES) expect(catalog.has(name)).toBe(true);
  });

  it('requires each track\'s filing page in the languages it is drafted in, every e-mail part in both, and every notice part in sv, en and sv-easy', () => {
    expect(REQUIRED_TEMPLATES).toContain('filings/sv/gdpr-art33.html');
    expect(REQUIRED_TEMPLATES).toContain('filings/en/gdpr-art33-2.html');
    expect(REQUIRED_TEMPLATES).toContain('email/sv/supplement-reminder.subject');
    // Lex Maria goes to IVO in Swedish only; the GDPR tracks and NIS2 in both languages.
    expect(REQUIRED_TEMPLATES).toContain('filings/sv/lex-maria.html');
    expect(REQUIRED_TEMPLATES).not.toContain('filings/en/lex-maria.html');
    expect(REQUIRED_TEMPLATES).toContain('notices/sv-easy/sms.text');
    expect(REQUIRED_TEMPLATES).toContain('email/en/email-refused.html');
    expect(REQUIRED_TEMPLATES).toContain('email/sv/invitation.text');
    // Eight e-mails (four clock notices, the digest, the refused-address alert, the broken audit trail, the invitation) in two languages, three parts each.
    expect(REQUIRED_TEMPLATES).toHaveLength(2 + 2 + 1 + 2 + 8 * 2 * 3 + 3 * 5);
  });

  it('refuses to start without a required template, naming it', () => {
    const directory = copyOfTemplates();
    rmSync(join(directory, 'email/en/overdue.text.hbs'));
    expect(() => TemplateCatalog.load(directory)).toThrow(`missing template(s) in ${directory}: email/en/overdue.text.hbs`);
  });

  it('refuses to start with a template that does not compile, naming the file', () => {
    const directory = copyOfTemplates();
    writeFileSync(join(directory, 'email/sv/reminder.subject.hbs'), 'Påminnelse {{#if incidentTitle}}{{incidentTitle}}{{/each}}\n');
    expect(() => TemplateCatalog.load(directory)).toThrow(`template ${join(directory, 'email/sv/reminder.subject.hbs')} does not compile`);
  });

  it('refuses a template that calls an unknown helper or partial', () => {
    const helper = copyOfTemplates();
    writeFileSync(join(helper, 'email/sv/digest.subject.hbs'), '{{shout organisationName}}\n');
    expect(() => TemplateCatalog.load(helper)).toThrow(/digest\.subject\.hbs does not compile: unknown helper\(s\): shout/);

    const partial = copyOfTemplates();
    writeFileSync(join(partial, 'filings/en/gdpr-art33.html.hbs'), '{{> no-such-partial}}');
    expect(() => TemplateCatalog.load(partial)).toThrow(/gdpr-art33\.html\.hbs does not compile: unknown partial\(s\): no-such-partial/);
  });

  it('accepts extra helpers for templates other modules add', () => {
    const directory = copyOfTemplates();
    writeFileSync(join(directory, 'shout.text.hbs'), '{{shout word}}');
    const catalog = TemplateCatalog.load(directory, { helpers: { shout: (word: string) => word.toUpperCase() } });
    expect(catalog.render('shout.text', { word: 'hej' })).toBe('HEJ');
  });

  it('treats a missing variable as an error (strict mode)', () => {
    const directory = copyOfTemplates();
    writeFileSync(join(directory, 'probe.html.hbs'), '<p>{{title}}</p>');
    const catalog = TemplateCatalog.load(directory);
    expect(catalog.render('probe.html', { title: 'a & b' })).toBe('<p>a &amp; b</p>');
    expect(() => catalog.render('probe.html', {})).toThrow('"title" not defined');
  });

  it('does not HTML-escape plain-text templates', () => {
    const directory = copyOfTemplates();
    writeFileSync(join(directory, 'probe.text.hbs'), '{{title}}');
    expect(TemplateCatalog.load(directory).render('probe.text', { title: 'a & <b>' })).toBe('a & <b>');
  });

  it('names the template when asked for one it does not have', () => {
    expect(() => TemplateCatalog.load().render('filings/de/gdpr-art33.html', {})).toThrow(`no template filings/de/gdpr-art33.html.hbs in ${templatesDir}`);
  });
});

describe('the golden-file comparison', () => {
  // A golden test that cannot fail is worthless: prove that a difference of one byte is caught.
  it('reports a one-byte difference and a missing golden file', () => {
    const catalogReminder = TemplateCatalog.load().renderEmail('reminder', 'sv', {
      recipientName: 'Handläggare Exempel',
      incidentReference: 'INC-2026-0042',
      incidentTitle: 'Intrång i tidbokningssystemet',
      trackLabel: 'Anmälan till IMY (artikel 33)',
      deadline: '2026-11-26 kl. 14:15 CET',
      timeLeft: '18 tim 30 min',
      reminderLabel: '75 %',
      citesDelayReasons: true,
      incidentUrl: 'https://breachflow.example/incidents/4f1c2a3e',
    });
    expect(goldenMismatch('email/sv/reminder.text.txt', catalogReminder.text)).toBeNull();
    expect(goldenMismatch('email/sv/reminder.text.txt', `${catalogReminder.text} `)).toMatch(/differs from its golden file/);
    expect(goldenMismatch('email/sv/no-such-file.txt', 'x')).toMatch(/does not exist: run the tests with UPDATE_GOLDEN=1/);
  });
});
