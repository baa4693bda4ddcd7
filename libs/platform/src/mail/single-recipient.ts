import { MailMessageError } from './mail-errors.js';

// One mailbox, bare: `local@domain`. No display name, no angle brackets, no comments, no groups —
// each of those is a way to smuggle a second address past a simple check.
const FORBIDDEN = /[,;<>()"\\:[\]\s]/;

/**
 * The message's only recipient, or a refusal. DESIGN.md §3: notices go one message per
 * recipient, and no code path may put two data subjects in one message. The refusal names the
 * rule that was broken, never the value (it is an address, i.e. personal data).
 */
export function singleRecipient(to: unknown): string {
  if (typeof to !== 'string') throw new MailMessageError('Mail recipient must be a string holding one e-mail address');
  const address = to.trim();
  if (address === '') throw new MailMessageError('Mail recipient is empty');
  const forbidden = FORBIDDEN.exec(address);
  if (forbidden) {
    const what = forbidden[0] === ',' || forbidden[0] === ';' ? 'a list separator' : 'a character not allowed in a bare address';
    throw new MailMessageError(`Mail recipient must be exactly one bare e-mail address; it contains ${what} (${describe(forbidden[0])})`);
  }
  const at = address.split('@').length - 1;
  if (at !== 1) {
    throw new MailMessageError(`Mail recipient must be exactly one e-mail address; it has ${at} '@' signs`);
  }
  const [local, domain] = address.split('@');
  if (!local || !domain || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) {
    throw new MailMessageError('Mail recipient is not a well-formed address (local@domain)');
  }
  // The control characters left after the checks above (NUL, DEL, …) would corrupt the envelope.
  if (hasControlCharacter(address)) throw new MailMessageError('Mail recipient contains a control character');
  return address;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function describe(character: string): string {
  if (/\s/.test(character)) return 'whitespace';
  return `'${character}'`;
}
