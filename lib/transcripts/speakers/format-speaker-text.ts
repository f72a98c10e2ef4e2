/**
 * The transcript as readable text: a paragraph per change of speaker, starting `Name: `. Without any
 * speakers it is the text joined, as before.
 */
export function formatSpeakerText(segments: { text: string; speakerName: string | null }[]): string {
  const paragraphs: { speakerName: string | null; texts: string[] }[] = [];
  for (const segment of segments) {
    const text = segment.text.trim();
    if (text === "") continue;
    const last = paragraphs.at(-1);
    if (last && last.speakerName === segment.speakerName) last.texts.push(text);
    else paragraphs.push({ speakerName: segment.speakerName, texts: [text] });
  }
  if (paragraphs.every((paragraph) => paragraph.speakerName === null)) return paragraphs.flatMap((paragraph) => paragraph.texts).join(" ");
  return paragraphs.map(({ speakerName, texts }) => (speakerName ? `${speakerName}: ` : "") + texts.join(" ")).join("\n\n");
}
