/** NIST SP 800-63B: length over composition rules; a long passphrase beats a short "complex" word. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Passwords of at least twelve characters that still top the breach corpora, in English and
 * Swedish, and the project's own demo password: refused whatever their case.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  'qwertyuiop12',
  'qwertyuiopas',
  'qwertyuiopasdfgh',
  'qwertyuiopå',
  'asdfghjkl123',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'administrator1',
  'changeme1234',
  'sommar2024!!',
  'sommaren2024',
  'vinter123456',
  'lösenord1234',
  'losenord1234',
  'losenordet123',
  'lösenordet123',
  'välkommen123',
  'valkommen123',
  'breachflow-demo',
  'breachflow123',
  'correct horse battery staple',
]);

/** Why this password may not be used, or null when it may. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters (a few words make a good one)`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() !== password) return 'must not begin or end with a space';
  if (new Set(password).size <= 2) return 'is one or two characters repeated';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is one of the most common passwords';
  return null;
}
