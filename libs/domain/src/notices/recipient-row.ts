import { maskEmail, maskName, maskPersonalIdentityNumber, maskPhone, maskPostalAddress } from './masking.js';
import { isStorableText } from '../validation/storable-text.js';
import { normalisePersonalIdentityNumber } from './personal-identity-number.js';

/** The languages a notice is written in: Swedish, English, and easy-to-read Swedish (lättläst). */
export const NOTICE_LANGUAGES = ['sv', 'en', 'sv-easy'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

export const RECIPIENT_COLUMNS = ['email', 'phone', 'postalAddress', 'name', 'language', 'segment', 'personalIdentityNumber'] as const;

/** One person to be told, as imported: personal data, sealed at rest once accepted. */
export interface RecipientContact {
  email?: string;
  phone?: string;
  postalAddress?: string;
  name?: string;
  personalIdentityNumber?: string;
}

export interface AcceptedRecipient {
  contact: RecipientContact;
  language: NoticeLanguage;
  segment: string | null;
  /** The address that makes two rows the same person (the e-mail, else the phone, else name and postal address). */
  identity: string;
  masked: Partial<Record<keyof RecipientContact, string>>;
  channels: Array<'email' | 'sms' | 'letter'>;
}

export interface RowError {
  /** The line in the file (CSV: counting the header as line 1; JSON: the element's position, from 1). */
  line: number;
  field: string;
  reason: string;
}

// Deliberately plain: one @, no spaces, a dot in the domain. SMTP decides the rest (a bounce is recorded).
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_TEXT = 500;

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Checks one imported row: each bad field is named with its reason; a good row comes back
 * normalised (e-mail domain in lower case, phone without spaces, personnummer in twelve digits)
 * with the masked forms a list may show. A row needs a way to reach the person.
 */
export function acceptRecipientRow(raw: Readonly<Record<string, unknown>>, line: number, defaultLanguage: NoticeLanguage = 'sv'): { recipient: AcceptedRecipient } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: string, reason: string) => errors.push({ line, field, reason });
  for (const key of Object.keys(raw)) if (!(RECIPIENT_COLUMNS as readonly string[]).includes(key)) fail(isStorableText(key) ? key : '(column)', `is not a known column (${RECIPIENT_COLUMNS.join(', ')})`);
  const unstorable = Object.entries(raw).filter(([, value]) => typeof value === 'string' && !isStorableText(value));
  for (const [key] of unstorable) fail(key, 'contains a character that cannot be stored (NUL or an unpaired surrogate)');
  if (unstorable.length > 0) return { errors };

  const contact: RecipientContact = {};
  const email = text(raw.email);
  if (email !== undefined) {
    if (!EMAIL.test(email) || email.length > 254) fail('email', 'is not an e-mail address');
    else {
      const at = email.lastIndexOf('@');
      contact.email = `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
    }
  }
  const phone = text(raw.phone)?.replace(/[\s-]/g, '');
  if (phone !== undefined) {
    if (!E164.test(phone)) fail('phone', 'is not an E.164 number (+46701234567)');
    else contact.phone = phone;
  }
  for (const field of ['postalAddress', 'name'] as const) {
    const value = text(raw[field]);
    if (value === undefined) continue;
    if (value.length > MAX_TEXT) fail(field, `is longer than ${MAX_TEXT} characters`);
    else contact[field] = field === 'postalAddress' ? value.replace(/\s*\\n\s*/g, '\n') : value;
  }
  const pin = text(raw.personalIdentityNumber);
  if (pin !== undefined) {
    const normalised = normalisePersonalIdentityNumber(pin);
    if (normalised === null) fail('personalIdentityNumber', 'is not a valid personnummer (the check digit does not match)');
    else contact.personalIdentityNumber = normalised;
  }
  const languageText = text(raw.language) ?? defaultLanguage;
  if (!(NOTICE_LANGUAGES as readonly string[]).includes(languageText)) fail('language', `must be one of ${NOTICE_LANGUAGES.join(', ')}`);
  const segment = text(raw.segment) ?? null;
  if (segment !== null && segment.length > 100) fail('segment', 'is longer than 100 characters');
  if (errors.length === 0 && !contact.email && !contact.phone && !contact.postalAddress) fail('email', 'a recipient needs an e-mail address, a phone number or a postal address');
  if (contact.postalAddress && !contact.name && !contact.email && !contact.phone) fail('name', 'a letter needs the name with the postal address');
  if (errors.length > 0) return { errors };

  const identity = contact.email ? `email:${contact.email.toLowerCase()}` : contact.phone ? `phone:${contact.phone}` : `post:${contact.name!.toLowerCase()}|${contact.postalAddress!.toLowerCase().replace(/\s+/g, ' ')}`;
  return {
    recipient: {
      contact,
      language: languageText as NoticeLanguage,
      segment,
      identity,
      masked: {
        ...(contact.email && { email: maskEmail(contact.email) }),
        ...(contact.phone && { phone: maskPhone(contact.phone) }),
        ...(contact.postalAddress && { postalAddress: maskPostalAddress(contact.postalAddress) }),
        ...(contact.name && { name: maskName(contact.name) }),
        ...(contact.personalIdentityNumber && { personalIdentityNumber: maskPersonalIdentityNumber(contact.personalIdentityNumber) }),
      },
      channels: [...(contact.email ? (['email'] as const) : []), ...(contact.phone ? (['sms'] as const) : []), ...(contact.postalAddress && contact.name ? (['letter'] as const) : [])],
    },
  };
}
