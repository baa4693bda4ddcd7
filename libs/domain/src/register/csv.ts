/** Options of a CSV text. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark: Excel reads a file without one as the local code page. */
  bom?: boolean;
  /**
   * The field separator; RFC 4180 says comma. Excel with Swedish regional settings expects a
   * semicolon and puts a comma-separated file in one column, hence the choice.
   */
  delimiter?: ',' | ';';
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that some
 * programs strip so that a formula character behind them comes first). A register exported
 * from text people typed — a title, a summary — must not run `=HYPERLINK(…)` or `=cmd|…` in
 * the DPO's spreadsheet (CSV injection). A leading apostrophe makes the cell plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field: formula-neutralised, then quoted (quotes doubled) when it holds a quote, the separator, CR or LF. */
export function csvField(value: string, delimiter: ',' | ';' = ','): string {
  const safe = neutraliseFormula(value);
  const needsQuotes = safe.includes('"') || safe.includes(delimiter) || safe.includes('\r') || safe.includes('\n');
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 text: records separated and ended by CRLF. */
export function toCsv(rows: ReadonlyArray<readonly string[]>, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => `${row.map((value) => csvField(value, delimiter)).join(delimiter)}\r\n`).join('');
  return options.bom ? `\uFEFF${body}` : body;
}
