import "server-only";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { ExportDocument } from "./export-document";
import { documentOutline } from "./document-outline";

/** A Word document: the title as a heading, the metadata in grey, one paragraph per segment. */
export async function writeDocx(document: ExportDocument): Promise<Buffer> {
  const outline = documentOutline(document);
  const docx = new Document({
    title: outline.title,
    creator: "Yozuv",
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(outline.title)] }),
          ...outline.metadata.map((line) => new Paragraph({ children: [new TextRun({ text: line, color: "666666", size: 20 })] })),
          new Paragraph({ children: [] }),
          ...outline.paragraphs.map(
            ({ stamp, text }) =>
              new Paragraph({ spacing: { after: 120 }, children: [...(stamp ? [new TextRun({ text: `${stamp} `, color: "666666" })] : []), new TextRun(text)] }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(docx);
}
