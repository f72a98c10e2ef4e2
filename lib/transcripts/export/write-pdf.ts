import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ExportDocument } from "./export-document";
import { documentOutline } from "./document-outline";

// DejaVu Sans covers Uzbek Latin (oʻ gʻ with U+02BB, the tutuq belgisi U+02BC) and all of Cyrillic;
// pdfkit embeds the glyphs it uses, so the text stays selectable and searchable.
// Found from the working directory at run time: a resolve the bundler can see would make it try to
// bundle the .ttf files themselves (Turbopack has no loader for them, and the build fails).
const fontDir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const regularFont = path.join(fontDir, "DejaVuSans.ttf");
const boldFont = path.join(fontDir, "DejaVuSans-Bold.ttf");

/** The same content as the DOCX, A4, wrapped and paginated by pdfkit. */
export function writePdf(document: ExportDocument): Promise<Buffer> {
  const outline = documentOutline(document);
  // `font` in the constructor keeps pdfkit from loading its built-in Helvetica, which has no oʻ or Cyrillic.
  const pdf = new PDFDocument({ size: "A4", margin: 56, font: regularFont, info: { Title: outline.title, Creator: "Yozuv" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.font(boldFont).fontSize(18).text(outline.title).moveDown(0.5);
  pdf.font(regularFont).fontSize(9).fillColor("#666666");
  for (const line of outline.metadata) pdf.text(line);
  pdf.moveDown();
  pdf.fontSize(11);
  for (const { stamp, text } of outline.paragraphs) {
    if (stamp) pdf.fillColor("#666666").text(`${stamp} `, { continued: true });
    pdf.fillColor("#000000").text(text, { paragraphGap: 6 });
  }
  pdf.end();
  return done;
}
