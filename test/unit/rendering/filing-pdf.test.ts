/**
 * The filing as a PDF, for the record and for posting to IMY when its e-service is down. It is laid
 * out from the structured document, and its bytes depend on the document alone: the same filing
 * rendered today, tomorrow or on another machine is the same file.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import { renderFilingPdf } from '../../../libs/rendering/src/filing-pdf.js';
import { art33Input } from '../filings/filing-fixtures.js';
import { expectGolden } from './golden.js';
import { GOLDEN_FILINGS } from './rendering-fixtures.js';

/**
 * The text lines of an uncompressed PDF written by pdfkit: each line is a `[<hex> kern <hex> …] TJ`
 * array of WinAnsi codes, so joining the hex runs and reading them as Latin-1 gives the line back.
 */
function textLines(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)].map((match) =>
    [...match[1]!.matchAll(/<([0-9a-f]*)>/g)].map((run) => Buffer.from(run[1]!, 'hex').toString('latin1')).join(''),
  );
}

/** The value of an Info entry, which pdfkit writes as an indirect object. */
function infoEntry(pdf: Buffer, key: string): string | undefined {
  const text = pdf.toString('latin1');
  const reference = new RegExp(`/${key} (\\d+) 0 R`).exec(text)?.[1];
  return reference === undefined ? undefined : new RegExp(`\\n${reference} 0 obj\\n(.*)\\nendobj`).exec(text)?.[1];
}

describe('the filing as PDF', () => {
  for (const golden of GOLDEN_FILINGS.filter((entry) => !entry.name.includes('supplement'))) {
    it(`${golden.name} equals its golden PDF byte for byte`, async () => {
      expectGolden(`${golden.name}.pdf`, await renderFilingPdf(golden.document()));
    });
  }

  it('renders the same bytes twice, even a moment apart', async () => {
    const document = GOLDEN_FILINGS[0]!.document();
    const first = await renderFilingPdf(document);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await renderFilingPdf(document);
    expect(second.equals(first)).toBe(true);
  });

  it('dates the file by when the filing was prepared, not by when it was rendered', async () => {
    const pdf = await renderFilingPdf(buildFilingDocument(art33Input()));
    expect(infoEntry(pdf, 'CreationDate')).toBe('(D:20261124103000Z)');
    expect(infoEntry(pdf, 'ModDate')).toBe('(D:20261124103000Z)');
  });

  it('a different preparation time gives a different file ID', async () => {
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    const a = await renderFilingPdf(buildFilingDocument(art33Input()));
    const b = await renderFilingPdf(buildFilingDocument(art33Input({ preparedAt: '2026-11-24T10:31:00.000Z' })));
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(a)).not.toBe(id(b));
  });

  it('writes Swedish letters in the standard font (WinAnsi), uncompressed', async () => {
    const pdf = await renderFilingPdf(GOLDEN_FILINGS[0]!.document());
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica');
    expect(pdf.toString('latin1')).not.toContain('/FlateDecode');
    const lines = textLines(pdf);
    expect(lines).toContain('Kontrollista: det här saknas för en fullständig anmälan');
    expect(lines).toContain('Försenad: motivering till förseningen');
    expect(lines).toContain('När upphörde incidenten?');
    expect(lines).toContain('Anmälan om personuppgiftsincident');
  });

  it('is a complete PDF', async () => {
    const pdf = await renderFilingPdf(GOLDEN_FILINGS[2]!.document());
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  });
});
