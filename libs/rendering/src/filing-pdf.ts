import PDFDocument from 'pdfkit';
import type { FilingDocument } from '../../domain/src/filings/filing-input.js';
import { filingLabels, type FilingLabels } from '../../domain/src/filings/filing-labels.js';
import { filingView, type FilingItemView, type FilingView } from './filing-view.js';
import { toWinAnsi } from './pdf-text.js';

type Pdf = PDFKit.PDFDocument;

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const COLOUR = {
  text: '#1b1b1b',
  muted: '#5a6472',
  navy: '#13294b',
  rule: '#d9dce1',
  lateBorder: '#b3261e',
  lateFill: '#fdeceb',
  lateText: '#8c1d18',
  missingBorder: '#b26a00',
  missingFill: '#fff5e3',
  missingText: '#7a4a00',
  valueFill: '#fafbfc',
} as const;
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 } as const;
const NUMBER_COLUMN = 46;
const BOX_PADDING = 8;

/**
 * The filing as a PDF, laid out from the structured document (not from the HTML), for the record
 * and for posting to IMY when its e-service is down. The bytes depend on the document only: the
 * dates in the PDF's metadata are the document's `preparedAt`, pdfkit derives the file ID from
 * that metadata, and streams are left uncompressed so that no zlib build can change the output.
 */
export async function renderFilingPdf(document: FilingDocument): Promise<Buffer> {
  const view = filingView(document);
  const labels = filingLabels(document.language);
  const preparedAt = new Date(document.preparedAt);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: false,
    bufferPages: true,
    pdfVersion: '1.4',
    lang: labels.locale,
    displayTitle: true,
    info: {
      Title: `${view.title} – ${view.incidentReference}`,
      Author: view.header.organisationName,
      Subject: view.header.trackLabel,
      Creator: 'breachflow',
      Producer: 'breachflow (PDFKit)',
      CreationDate: preparedAt,
      ModDate: preparedAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  writeHeader(pdf, view, labels);
  if (view.late) writeLateBox(pdf, view.late, labels);
  if (view.missing.length > 0) writeMissingBox(pdf, view, labels);
  if (view.preliminaryNote !== null) paragraph(pdf, view.preliminaryNote, { font: FONT.bold, size: 10, colour: COLOUR.missingText, gapAfter: 10 });
  for (const section of view.sections) writeSection(pdf, section, view.words);
  writeFooters(pdf, view, labels);

  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

interface TextStyle {
  font: string;
  size: number;
  colour: string;
  gapAfter?: number;
}

const contentWidth = (pdf: Pdf): number => pdf.page.width - MARGIN.left - MARGIN.right;
const pageBottom = (pdf: Pdf): number => pdf.page.height - MARGIN.bottom;

function measure(pdf: Pdf, text: string, style: TextStyle, width: number): number {
  return pdf.font(style.font).fontSize(style.size).heightOfString(toWinAnsi(text), { width });
}

/** Starts a new page unless `height` still fits on this one. */
function keepTogether(pdf: Pdf, height: number): void {
  if (pdf.y + height > pageBottom(pdf)) pdf.addPage();
}

function paragraph(pdf: Pdf, text: string, style: TextStyle, x: number = MARGIN.left, width: number = contentWidth(pdf)): void {
  pdf.font(style.font).fontSize(style.size).fillColor(style.colour).text(toWinAnsi(text), x, pdf.y, { width });
  pdf.y += style.gapAfter ?? 0;
}

function writeHeader(pdf: Pdf, view: FilingView, labels: FilingLabels): void {
  paragraph(pdf, view.title, { font: FONT.bold, size: 18, colour: COLOUR.navy, gapAfter: 2 });
  paragraph(pdf, `${view.header.trackLabel} · ${view.header.kindLabel}`, { font: FONT.regular, size: 10.5, colour: COLOUR.muted, gapAfter: 10 });
  const { chrome } = labels;
  const rows: Array<[string, string]> = [
    [chrome.headerReference, view.incidentReference],
    [chrome.headerKind, view.header.kindLabel],
    [chrome.headerFrom, view.header.organisationName],
    [chrome.headerTo, view.header.recipient],
    [chrome.headerPreparedAt, view.header.preparedAt],
    [view.header.deadlineLabel, view.header.deadline],
    [chrome.headerTimeZone, view.header.timeZone],
    [chrome.headerFormVersion, view.formVersion],
  ];
  const labelWidth = 110;
  const top = pdf.y;
  const valueX = MARGIN.left + BOX_PADDING + labelWidth + 8;
  const valueWidth = contentWidth(pdf) - (valueX - MARGIN.left) - BOX_PADDING;
  const rowHeights = rows.map(([label, value]) =>
    Math.max(measure(pdf, label, { font: FONT.bold, size: 9.5, colour: COLOUR.navy }, labelWidth), measure(pdf, value, { font: FONT.regular, size: 9.5, colour: COLOUR.text }, valueWidth)),
  );
  const height = rowHeights.reduce((sum, rowHeight) => sum + rowHeight + 2, 0) + 2 * BOX_PADDING;
  pdf.rect(MARGIN.left, top, contentWidth(pdf), height).fill('#f3f6fa');
  pdf.rect(MARGIN.left, top, 3, height).fill(COLOUR.navy);
  let y = top + BOX_PADDING;
  rows.forEach(([label, value], index) => {
    pdf.font(FONT.bold).fontSize(9.5).fillColor(COLOUR.navy).text(toWinAnsi(label), MARGIN.left + BOX_PADDING, y, { width: labelWidth });
    pdf.font(FONT.regular).fontSize(9.5).fillColor(COLOUR.text).text(toWinAnsi(value), valueX, y, { width: valueWidth });
    y += rowHeights[index]! + 2;
  });
  pdf.y = top + height + 14;
}

interface BoxLine {
  text: string;
  style: TextStyle;
}

/** A bordered, tinted box; it moves to the next page whole when it does not fit. */
function writeBox(pdf: Pdf, lines: BoxLine[], border: string, fill: string): void {
  const innerWidth = contentWidth(pdf) - 2 * BOX_PADDING;
  const heights = lines.map((line) => measure(pdf, line.text, line.style, innerWidth) + (line.style.gapAfter ?? 0));
  const height = heights.reduce((sum, lineHeight) => sum + lineHeight, 0) + 2 * BOX_PADDING;
  keepTogether(pdf, height);
  const top = pdf.y;
  pdf.lineWidth(1.5).rect(MARGIN.left, top, contentWidth(pdf), height).fillAndStroke(fill, border);
  pdf.y = top + BOX_PADDING;
  for (const line of lines) paragraph(pdf, line.text, line.style, MARGIN.left + BOX_PADDING, innerWidth);
  pdf.y = top + height + 12;
  pdf.lineWidth(1);
}

function writeLateBox(pdf: Pdf, late: NonNullable<FilingView['late']>, labels: FilingLabels): void {
  writeBox(
    pdf,
    [
      { text: late.title, style: { font: FONT.bold, size: 12, colour: COLOUR.lateText, gapAfter: 4 } },
      { text: late.intro, style: { font: FONT.regular, size: 10, colour: COLOUR.text, gapAfter: 4 } },
      ...(late.reason !== null
        ? [{ text: late.reason, style: { font: FONT.regular, size: 10, colour: COLOUR.text } }]
        : late.reasonOwed
          ? [{ text: labels.chrome.lateReasonMissing, style: { font: FONT.bold, size: 10, colour: COLOUR.lateText } }]
          : []),
    ],
    COLOUR.lateBorder,
    COLOUR.lateFill,
  );
}

function writeMissingBox(pdf: Pdf, view: FilingView, labels: FilingLabels): void {
  writeBox(
    pdf,
    [
      { text: labels.chrome.missingTitle, style: { font: FONT.bold, size: 12, colour: COLOUR.missingText, gapAfter: 4 } },
      { text: view.checklist.intro, style: { font: FONT.regular, size: 10, colour: COLOUR.text, gapAfter: 2 } },
      ...view.missing.map((entry) => ({
        text: `•  ${entry.label}${entry.art33 === null ? '' : ` (${entry.art33})`}`,
        style: { font: FONT.regular, size: 10, colour: COLOUR.text, gapAfter: 1 },
      })),
    ],
    COLOUR.missingBorder,
    COLOUR.missingFill,
  );
}

function writeSection(pdf: Pdf, section: FilingView['sections'][number], words: FilingView['words']): void {
  // A heading never ends a page: keep it with the start of its first item.
  keepTogether(pdf, 70);
  pdf.y += 6;
  paragraph(pdf, section.title, { font: FONT.bold, size: 13, colour: COLOUR.navy, gapAfter: 2 });
  pdf.moveTo(MARGIN.left, pdf.y).lineTo(MARGIN.left + contentWidth(pdf), pdf.y).lineWidth(1.5).stroke(COLOUR.navy);
  pdf.lineWidth(1);
  pdf.y += 6;
  for (const item of section.items) writeItem(pdf, item, words);
}

function writeItem(pdf: Pdf, item: FilingItemView, words: FilingView['words']): void {
  const x = MARGIN.left + NUMBER_COLUMN;
  const width = contentWidth(pdf) - NUMBER_COLUMN;
  const tags = [item.art33, item.mandatoryOnForm ? words.required : null].filter((tag): tag is string => tag !== null);
  const question = tags.length > 0 ? `${item.label}  [${tags.join('] [')}]` : item.label;
  const questionStyle: TextStyle = { font: FONT.bold, size: 10, colour: COLOUR.text };
  const unanswered = item.value === null && item.required;
  const valueText = item.value ?? (item.required ? words.notAnswered : words.noAnswer);
  const valueStyle: TextStyle =
    item.value === null
      ? { font: FONT.italic, size: 10, colour: unanswered ? COLOUR.missingText : COLOUR.muted }
      : { font: FONT.regular, size: 10, colour: COLOUR.text };
  const valueHeight = measure(pdf, valueText, valueStyle, width - 12) + 8;
  const questionHeight = measure(pdf, question, questionStyle, width);
  // Keep the question with its answer, unless the answer alone is longer than a page.
  keepTogether(pdf, questionHeight + Math.min(valueHeight, 160) + 12);

  const top = pdf.y;
  pdf.font(FONT.bold).fontSize(10).fillColor(COLOUR.navy).text(toWinAnsi(item.number ?? '–'), MARGIN.left, top, { width: NUMBER_COLUMN - 6 });
  pdf.y = top;
  pdf.font(FONT.bold).fontSize(10).fillColor(COLOUR.text).text(toWinAnsi(item.label), x, top, { width, continued: tags.length > 0 });
  if (tags.length > 0) pdf.font(FONT.regular).fontSize(8.5).fillColor(COLOUR.muted).text(toWinAnsi(`  [${tags.join('] [')}]`));
  // The tags end in a smaller font: place the answer by the question's measured height instead.
  pdf.y = top + questionHeight + 3;
  if (item.changed) {
    const before = `${words.previousValue}: ${item.previousValue ?? words.notAnswered}`;
    paragraph(pdf, before, { font: FONT.regular, size: 9, colour: COLOUR.muted, gapAfter: 3 }, x, width);
  }
  const shown = item.changed && item.value !== null ? `${words.currentValue}: ${valueText}` : valueText;
  const boxHeight = measure(pdf, shown, valueStyle, width - 12) + 8;
  if (pdf.y + boxHeight <= pageBottom(pdf)) {
    const boxTop = pdf.y;
    const [fill, border] = unanswered ? [COLOUR.missingFill, COLOUR.missingBorder] : [item.value === null ? '#ffffff' : COLOUR.valueFill, COLOUR.rule];
    pdf.rect(x, boxTop, width, boxHeight).fillAndStroke(fill, border);
    pdf.y = boxTop + 5;
    paragraph(pdf, shown, valueStyle, x + 6, width - 12);
    pdf.y = boxTop + boxHeight;
  } else {
    // Longer than what is left of the page: let the text flow on without a frame.
    paragraph(pdf, shown, valueStyle, x + 6, width - 12);
  }
  if (item.suggestion) paragraph(pdf, `${words.suggestion}: ${item.suggestion}`, { font: FONT.italic, size: 9, colour: COLOUR.missingText, gapAfter: 2 }, x, width);
  if (item.note) paragraph(pdf, item.note, { font: FONT.regular, size: 8.5, colour: COLOUR.muted, gapAfter: 2 }, x, width);
  pdf.y += 7;
  pdf.moveTo(MARGIN.left, pdf.y).lineTo(MARGIN.left + contentWidth(pdf), pdf.y).stroke('#e2e5ea');
  pdf.y += 7;
}

function writeFooters(pdf: Pdf, view: FilingView, labels: FilingLabels): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin first.
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - 40;
    const width = contentWidth(pdf);
    pdf.moveTo(MARGIN.left, y - 6).lineTo(MARGIN.left + width, y - 6).lineWidth(0.5).stroke(COLOUR.rule);
    pdf.font(FONT.regular).fontSize(8).fillColor(COLOUR.muted);
    pdf.text(toWinAnsi(`${view.incidentReference} · ${view.header.kindLabel} · ${view.formVersion}`), MARGIN.left, y, { width, lineBreak: false });
    pdf.text(toWinAnsi(labels.chrome.page(index - start + 1, count)), MARGIN.left, y, { width, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = MARGIN.bottom;
  }
}
