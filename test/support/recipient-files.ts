/** Recipient files as an organisation would export them: made-up people at example domains. */
export interface RecipientFileOptions {
  count: number;
  /** Lines (1-based rows after the header) to spoil, each in a different way. */
  badRows?: number[];
  delimiter?: ',' | ';';
  bom?: boolean;
  domain?: string;
}

/** A valid personnummer for row `n` (Luhn check digit computed), born in the 1980s. */
export function personnummerFor(n: number): string {
  const body = `8${String(n % 10)}0${1 + (n % 9)}${String(10 + (n % 18)).padStart(2, '0')}${String(100 + (n % 900)).padStart(3, '0')}`;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let digit = Number(body[index]) * (index % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const SPOILERS: Array<(row: string[]) => string[]> = [
  ([, ...rest]) => ['not-an-address', ...rest],
  ([email, , ...rest]) => [email!, '0701234567', ...rest],
  ([email, phone, address, name, , ...rest]) => [email!, phone!, address!, name!, 'fi', ...rest],
  ([email, phone, address, name, language, segment]) => [email!, phone!, address!, name!, language!, segment!, '19850101-0000'],
];

export function recipientCsv(options: RecipientFileOptions): string {
  const delimiter = options.delimiter ?? ',';
  const domain = options.domain ?? 'patients.example';
  const bad = new Set(options.badRows ?? []);
  const lines = [['email', 'phone', 'postalAddress', 'name', 'language', 'segment', 'personalIdentityNumber'].join(delimiter)];
  for (let n = 1; n <= options.count; n += 1) {
    let row = [`patient${n}@${domain}`, `+4670${String(1_000_000 + n).slice(-7)}`, `"Exempelgatan ${n}, 123 45 Exempelby"`, `Patient ${n}`, n % 7 === 0 ? 'en' : n % 5 === 0 ? 'sv-easy' : 'sv', n % 2 === 0 ? 'health' : 'contact', personnummerFor(n)];
    if (bad.has(n)) row = SPOILERS[n % SPOILERS.length]!(row);
    lines.push(row.join(delimiter));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
