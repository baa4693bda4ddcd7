/**
 * The standard PDF fonts (Helvetica) encode text as WinAnsi: Latin-1 plus a few typographic marks.
 * Swedish å, ä, ö and é are in it; anything outside would print as garbage, so it is mapped to a
 * near equivalent or to "?" before it reaches the PDF.
 */
const WIN_ANSI_EXTRAS = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d,
  0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u202f': '\u00a0', // narrow no-break space (some locales group digits with it)
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': '~',
  '\t': ' ',
};

export function toWinAnsi(text: string): string {
  let result = '';
  for (const character of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = character.codePointAt(0)!;
    const printable = character === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(code);
    result += printable ? character : (SUBSTITUTES[character] ?? '?');
  }
  return result;
}
