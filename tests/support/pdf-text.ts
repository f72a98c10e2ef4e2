import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF's text as pdf.js reads it (what a reader can select and search), a line per text line. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = "";
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
  }
  return text;
}
