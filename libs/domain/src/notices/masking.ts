// How recipients are listed: enough to recognise a row, never enough to read the address.

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const topLevel = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}***@${domain[0]}***${topLevel}`;
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}${'*'.repeat(Math.max(phone.length - 5, 3))}${phone.slice(-2)}`;
}

/** Only the birth year and the last digit: a personnummer is never shown whole. */
export function maskPersonalIdentityNumber(twelveDigits: string): string {
  return `${twelveDigits.slice(0, 4)}****-***${twelveDigits.slice(-1)}`;
}

export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]}.`)
    .join(' ');
}

export function maskPostalAddress(address: string): string {
  const postcode = /\b(\d{3})\s?\d{2}\b/.exec(address);
  return postcode ? `*** ${postcode[1]}** ***` : '***';
}
