// Turns a PrintDocument (src/domain/documents.ts) into a PDF with pdfkit, the text set in DejaVu
// Sans (embedded and subset: it covers the accented and non-Latin letters people's names have).
// The only place that knows about pdfkit or fonts.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { DocumentRenderer, PrintBlock, PrintDocument } from '../domain/documents.js';

const require = createRequire(import.meta.url);
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const INK = '#1b1b1b';
const SUBTLE = '#555555';
const RULE = '#c8c8c8';
const SHADE = '#efefef';
const ACCENT = '#4f52b2';
const MARGIN = 50;

type Doc = InstanceType<typeof PDFDocument>;

function footer(doc: Doc, text: string | undefined): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 14;
    // Writing below the bottom margin would start a new page: lift the margin while we do.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(SUBTLE);
    const label = `${text ? `${text} · ` : ''}page ${i - range.start + 1} of ${range.count}`;
    doc.text(label, MARGIN, y, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

function table(doc: Doc, block: Extract<PrintBlock, { kind: 'table' }>): void {
  const width = doc.page.width - 2 * MARGIN;
  const total = block.columns.reduce((s, c) => s + c.weight, 0);
  const widths = block.columns.map((c) => (c.weight / total) * width);
  const pad = 4;
  const size = 8.5;
  const heightOf = (cells: string[], font: string) =>
    Math.max(...cells.map((text, i) => doc.font(font).fontSize(size).heightOfString(text || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: string[], font: string, shade: boolean) => {
    const h = heightOf(cells, font);
    if (doc.y + h > doc.page.height - MARGIN) {
      doc.addPage();
      if (!shade) drawRow(block.columns.map((c) => c.header), 'bold', true);
    }
    const top = doc.y;
    if (shade) doc.rect(MARGIN, top, width, h).fill(SHADE);
    let x = MARGIN;
    cells.forEach((text, i) => {
      doc.font(font).fontSize(size).fillColor(INK).text(text, x + pad, top + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.moveTo(MARGIN, top + h).lineTo(MARGIN + width, top + h).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN;
    doc.y = top + h;
  };
  drawRow(block.columns.map((c) => c.header), 'bold', true);
  for (const row of block.rows) drawRow(row, 'regular', false);
  doc.moveDown(0.8);
}

function facts(doc: Doc, block: Extract<PrintBlock, { kind: 'facts' }>, centred: boolean): void {
  const width = centred ? 360 : doc.page.width - 2 * MARGIN;
  const left = centred ? (doc.page.width - width) / 2 : MARGIN;
  const labelWidth = centred ? 150 : 130;
  for (const f of block.facts) {
    const top = doc.y;
    doc.font('bold').fontSize(10).fillColor(SUBTLE).text(f.label, left, top, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    doc.font('regular').fontSize(10).fillColor(INK).text(f.value, left + labelWidth, top, { width: width - labelWidth });
    doc.y = Math.max(afterLabel, doc.y) + 3;
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

function render(doc: Doc, d: PrintDocument): void {
  const align = d.framed ? 'center' : 'left';
  const width = doc.page.width - 2 * MARGIN;
  if (d.framed) {
    doc.rect(24, 24, doc.page.width - 48, doc.page.height - 48).lineWidth(2).strokeColor(ACCENT).stroke();
    doc.rect(30, 30, doc.page.width - 60, doc.page.height - 60).lineWidth(0.5).strokeColor(ACCENT).stroke();
    doc.y = MARGIN + 40;
  }
  for (const b of d.blocks) {
    doc.x = MARGIN;
    switch (b.kind) {
      case 'title':
        doc.font('bold').fontSize(d.framed ? 26 : 18).fillColor(d.framed ? ACCENT : INK).text(b.text, { width, align });
        doc.moveDown(0.6);
        break;
      case 'heading':
        if (!d.framed && doc.y > doc.page.height - MARGIN - 80) doc.addPage();
        doc.font('bold').fontSize(d.framed ? 18 : 13).fillColor(INK).text(b.text, { width, align });
        doc.moveDown(d.framed ? 0.3 : 0.4);
        break;
      case 'paragraph':
        doc.font('regular').fontSize(b.size === 'large' ? 12 : 10).fillColor(b.subtle ? SUBTLE : INK).text(b.text, { width, align });
        doc.moveDown(0.4);
        break;
      case 'facts':
        facts(doc, b, !!d.framed);
        break;
      case 'table':
        table(doc, b);
        break;
      case 'space':
        doc.moveDown(1);
        break;
    }
  }
}

export const pdfRenderer: DocumentRenderer = {
  pdf(d: PrintDocument): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({
        size: 'A4',
        layout: d.landscape ? 'landscape' : 'portrait',
        margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        bufferPages: true,
        info: { Title: d.title, Author: d.author, Subject: d.subject ?? d.title, Creator: 'Virtual Café' },
        lang: 'en-GB',
        displayTitle: true,
        pdfVersion: '1.7',
      });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', reject);
      try {
        doc.registerFont('regular', REGULAR);
        doc.registerFont('bold', BOLD);
        render(doc, d);
        footer(doc, d.footer);
        doc.end();
      } catch (e) {
        reject(e);
      }
    });
  },
};
