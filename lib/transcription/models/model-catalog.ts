import "server-only";

/** `sizeMiB` is approximate (as whisper.cpp's README gives it), for messages only; `sha1` is what counts. */
export type WhisperModelSpec = { name: string; file: string; sizeMiB: number; sha1: string };

/**
 * Published whisper.cpp models (Hugging Face ggerganov/whisper.cpp), with the SHA-1 values listed in
 * whisper.cpp's models/README.md. All multilingual: Yozuv's users speak Uzbek and Russian, for which
 * "base" is the least that is useful and "small" or larger is much better.
 */
export const WHISPER_MODELS = {
  tiny: { name: "tiny", file: "ggml-tiny.bin", sizeMiB: 75, sha1: "bd577a113a864445d4c299885e0cb97d4ba92b5f" },
  base: { name: "base", file: "ggml-base.bin", sizeMiB: 142, sha1: "465707469ff3a37a2b9b8d8f89f2f99de7299dac" },
  small: { name: "small", file: "ggml-small.bin", sizeMiB: 466, sha1: "55356645c2b361a969dfd0ef2c5a50d530afd8d5" },
  medium: { name: "medium", file: "ggml-medium.bin", sizeMiB: 1536, sha1: "fd9727b6e1217c2f614f9b698455c4ffd82463b4" },
  "large-v3-turbo": {
    name: "large-v3-turbo",
    file: "ggml-large-v3-turbo.bin",
    sizeMiB: 1536,
    sha1: "4af2b29d7ec73d781377bfd1758ca957a807e941",
  },
  "large-v3-turbo-q5_0": {
    name: "large-v3-turbo-q5_0",
    file: "ggml-large-v3-turbo-q5_0.bin",
    sizeMiB: 547,
    sha1: "e050f7970618a659205450ad97eb95a18d69c9ee",
  },
} as const satisfies Record<string, WhisperModelSpec>;

export type WhisperModelName = keyof typeof WHISPER_MODELS;

export const MODEL_DOWNLOAD_BASE_URL = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

export function isWhisperModelName(name: string): name is WhisperModelName {
  return Object.hasOwn(WHISPER_MODELS, name);
}
