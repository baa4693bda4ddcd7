/**
 * E-mails about clocks: one message per recipient, a subject, a plain-text and an HTML part, in
 * Swedish or English. They name incidents and times only, never a data subject.
 */
import { describe, expect, it } from '@jest/globals';
import { citesDelayReasons } from '../../../libs/application/src/notifications/notify-track.js';
import { EMAIL_NAMES, type ClockEmailModel } from '../../../libs/rendering/src/email-models.js';
import { TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import { expectGolden } from './golden.js';
import { AUDIT_TRAIL_BROKEN_EMAIL, CLOCK_EMAIL, DIGEST_EMAIL, EMAIL_REFUSED_EMAIL, INVITATION_EMAIL } from './rendering-fixtures.js';

const catalog = TemplateCatalog.load();
const LANGUAGES = ['sv', 'en'] as const;

const render = (name: (typeof EMAIL_NAMES)[number], language: (typeof LANGUAGES)[number]) => {
  if (name === 'digest') return catalog.renderEmail('digest', language, DIGEST_EMAIL[language]);
  if (name === 'email-refused') return catalog.renderEmail('email-refused', language, EMAIL_REFUSED_EMAIL[language]);
  if (name === 'audit-trail-broken') return catalog.renderEmail('audit-trail-broken', language, AUDIT_TRAIL_BROKEN_EMAIL[language]);
  if (name === 'invitation') return catalog.renderEmail('invitation', language, INVITATION_EMAIL[language]);
  return catalog.renderEmail(name, language, CLOCK_EMAIL[language]);
};

describe('e-mails', () => {
  for (const name of EMAIL_NAMES) {
    for (const language of LANGUAGES) {
      it(`${language}/${name}: subject, text and HTML equal their golden files`, () => {
        const message = render(name, language);
        expectGolden(`email/${language}/${name}.subject.txt`, `${message.subject}\n`);
        expectGolden(`email/${language}/${name}.text.txt`, message.text);
        expectGolden(`email/${language}/${name}.html`, message.html);
      });
    }
  }

  it('escapes the incident title in HTML but not in the plain text, and keeps the subject on one line', () => {
    const model: ClockEmailModel = { ...CLOCK_EMAIL.en, incidentTitle: 'Tom & Jerry <script>x</script>\nBcc: someone@example.org' };
    const message = catalog.renderEmail('reminder', 'en', model);
    expect(message.html).toContain('Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt;');
    expect(message.html).not.toContain('<script>');
    expect(message.text).toContain('Tom & Jerry <script>x</script>');
    expect(message.subject).not.toMatch(/[\r\n]/);
  });

  it("cites Art. 33(1)'s reasons for delay only where they are owed: not for a supplement's period or a processor's notice", () => {
    for (const language of LANGUAGES) {
      const cited = catalog.renderEmail('overdue', language, CLOCK_EMAIL[language]);
      const notCited = catalog.renderEmail('overdue', language, { ...CLOCK_EMAIL[language], citesDelayReasons: false });
      expect(cited.text).toMatch(/33(\.1|\(1\))/);
      expect(notCited.text).not.toMatch(/33(\.1|\(1\))/);
      expect(notCited.html).not.toMatch(/33(\.1|\(1\))/);
    }
    expect(citesDelayReasons({ track: 'gdpr-art33', clockKind: 'gdpr-art33' })).toBe(true);
    expect(citesDelayReasons({ track: 'gdpr-art33', clockKind: 'gdpr-art33-supplement' })).toBe(false);
    expect(citesDelayReasons({ track: 'gdpr-art33-2', clockKind: 'gdpr-art33-2' })).toBe(false);
  });

  for (const language of LANGUAGES) {
    it(`${language}/invitation, its password reset variant (a new link for someone who has a password): equal to its golden files`, () => {
      const message = catalog.renderEmail('invitation', language, { ...INVITATION_EMAIL[language], passwordReset: true });
      expectGolden(`email/${language}/invitation-password-reset.subject.txt`, `${message.subject}\n`);
      expectGolden(`email/${language}/invitation-password-reset.text.txt`, message.text);
      expectGolden(`email/${language}/invitation-password-reset.html`, message.html);
      // Not an invitation: the person has an account, and says so to an admin if they did not expect it.
      expect(`${message.subject}${message.text}${message.html}`).not.toMatch(/invited|inbjuden|bjudit in/);
      expect(message.text).toContain(INVITATION_EMAIL[language].link);
    });
  }

  it('a digest without running clocks says so', () => {
    const message = catalog.renderEmail('digest', 'sv', { ...DIGEST_EMAIL.sv, clocks: [] });
    expect(message.text).toContain('Inga tidsfrister löper just nu.');
    expect(message.html).toContain('Inga tidsfrister löper just nu.');
    expect(message.subject).toBe('Översikt 2026-11-25: 0 löpande tidsfrister – Region Exempelby');
  });

  it('lists the clocks of a digest in the order given', () => {
    const { text } = catalog.renderEmail('digest', 'en', DIGEST_EMAIL.en);
    expect(text.indexOf('INC-2026-0040')).toBeLessThan(text.indexOf('INC-2026-0042'));
    expect(text).toContain('(overdue)');
  });

  it('refuses a model that lacks a field, rather than sending a blank', () => {
    const { incidentUrl: _missing, ...incomplete } = CLOCK_EMAIL.sv;
    expect(() => catalog.renderEmail('reminder', 'sv', incomplete as ClockEmailModel)).toThrow(/"incidentUrl" not defined/);
  });
});
