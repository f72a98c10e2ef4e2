import "server-only";
import type { AudioContainer } from "./audio-formats";
import type { BinaryFile } from "./binary-file";
import { countFlacSamples } from "./flac-sample-count";
import { readMp3DeclaredLength } from "./mp3-declared-length";
import { readWavDeclaredLength } from "./wav-declared-length";
import { readWebmDeclaredLength } from "./webm-declared-length";

// Missing less than this much of what the header declares is tolerated: trailing index data
// (WebM cues), writers' rounding, and nothing a listener would notice.
const minimumPresentShare = 0.98;

/**
 * True when the file holds clearly less than its own header declares: an interrupted download or copy.
 * Such headers fix the duration that metadata parsers report, so without this check a file cut in half
 * would still claim its full length. MP4 needs no check here (music-metadata refuses boxes that run past
 * the end of the file). Ogg and live WebM declare no total: a cut Ogg is simply a shorter recording, and
 * a live WebM cut inside an element is refused by the parser instead.
 */
export async function detectTruncation(file: BinaryFile, container: AudioContainer): Promise<boolean> {
  switch (container) {
    case "wav":
      return isShort(file.size, await readWavDeclaredLength(file));
    case "webm":
      return isShort(file.size, await readWebmDeclaredLength(file));
    case "flac": {
      const samples = await countFlacSamples(file);
      return samples !== null && isShort(samples.present, samples.declared);
    }
    case "mpeg": {
      const declared = await readMp3DeclaredLength(file);
      if (!declared) return false;
      // Encoders disagree on whether the declared size counts a leading ID3 tag; a file that is whole
      // under either reading passes (the second is impossible when the tag alone exceeds the size).
      const { audioStart, declaredBytes } = declared;
      const present = file.size - audioStart;
      return isShort(present, declaredBytes) && (declaredBytes <= audioStart || isShort(present, declaredBytes - audioStart));
    }
    case "mp4":
    case "ogg":
      return false;
  }
}

function isShort(present: number, declared: number | null): boolean {
  return declared !== null && present < declared * minimumPresentShare;
}
