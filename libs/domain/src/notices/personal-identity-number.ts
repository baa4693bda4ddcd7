/**
 * A Swedish personnummer or samordningsnummer, as written (YYMMDD-NNNN, YYYYMMDDNNNN, with `-`
 * or `+`): valid when its ten-digit form passes the Luhn check. Returns the twelve-digit form
 * (century inferred: `+` means a hundred years or older), or null when it is not valid.
 */
export function normalisePersonalIdentityNumber(text: string, today = new Date()): string | null {
  const match = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, century, date, separator, serial] = match;
  const tenDigits = `${date}${serial}`;
  if (!luhnValid(tenDigits)) return null;
  if (century) return `${century}${tenDigits}`;
  const year = Number(date!.slice(0, 2));
  const currentYear = today.getUTCFullYear();
  let fullYear = Math.floor(currentYear / 100) * 100 + year;
  if (fullYear > currentYear) fullYear -= 100;
  if (separator === '+') fullYear -= 100;
  return `${fullYear}${tenDigits.slice(2)}`;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
