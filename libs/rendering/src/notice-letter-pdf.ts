import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { toWinAnsi } from './pdf-text.js';

/** One letter: who it goes to (shown in the envelope's window), and what it says. */
export interface Letter {
  addressLines: string[];
  /** The sender, printed small above the address. */
  sender: string;
  date: string;
  title: string;
  body: string;
}

const MM = 72 / 25.4;
// A C5/E65 window envelope (SS-EN ISO 269, the Swedish post's recommendation): the window starts
// 20 mm from the left and 45 mm from the top, about 90 × 45 mm.
const WINDOW = { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 40 * MM } as const;
const MARGIN = { left: 25 * MM, right: 20 * MM, top: 20 * MM, bottom: 20 * MM } as const;

function layout(pdf: PDFKit.PDFDocument, letter: Letter): void {
  pdf.font('Helvetica').fontSize(7.5).fillColor('#5a6472').text(toWinAnsi(letter.sender), WINDOW.x, WINDOW.y - 4 * MM, { width: WINDOW.width, lineBreak: false, ellipsis: true });
  pdf.font('Helvetica').fontSize(11).fillColor('#1b1b1b').text(toWinAnsi(letter.addressLines.join('\n')), WINDOW.x, WINDOW.y, { width: WINDOW.width, height: WINDOW.height });
  pdf.font('Helvetica').fontSize(10).text(toWinAnsi(letter.date), 140 * MM, WINDOW.y, { width: 50 * MM, align: 'right' });
  pdf.font('Helvetica-Bold').fontSize(14).fillColor('#13294b').text(toWinAnsi(letter.title), MARGIN.left, 100 * MM, { width: pdf.page.width - MARGIN.left - MARGIN.right });
  pdf.moveDown(0.8);
  pdf.font('Helvetica').fontSize(11).fillColor('#1b1b1b').text(toWinAnsi(letter.body), { width: pdf.page.width - MARGIN.left - MARGIN.right, lineGap: 2 });
}

function newDocument(title: string): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', margins: MARGIN, autoFirstPage: false, info: { Title: title, Creator: 'breachflow', Producer: 'breachflow (PDFKit)' } });
}

/** One letter as a PDF, for previewing it. */
export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const pdf = newDocument(letter.title);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.addPage();
  layout(pdf, letter);
  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * The print batch: every letter in one PDF, each starting on a new sheet, written to `out` as it
 * is laid out (a batch of thousands is never held whole).
 */
export async function writeLetterBatch(letters: AsyncIterable<Letter>, out: Writable, title: string): Promise<number> {
  const pdf = newDocument(title);
  pdf.pipe(out);
  let count = 0;
  for await (const letter of letters) {
    pdf.addPage();
    layout(pdf, letter);
    count += 1;
  }
  if (count === 0) pdf.addPage();
  pdf.end();
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  return count;
}
