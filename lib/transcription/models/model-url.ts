import { z } from "zod";

/** A model to download: where from, and the SHA-256 it must have. */
export type ModelUrl = { url: string; sha256: string };

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/i, "must be a SHA-256: 64 hexadecimal digits").transform((value) => value.toLowerCase());

/** A route's model written as `https://host/file.bin#sha256=<64 hex>`; null when it is not a URL. */
export function parseModelUrl(model: string): ModelUrl | null {
  if (!/^https?:\/\//i.test(model)) return null;
  const [url, fragment = ""] = model.split("#", 2);
  const hash = sha256Hex.safeParse(/^sha256=(.*)$/.exec(fragment)?.[1] ?? "");
  if (!hash.success || !z.url().safeParse(url).success) throw new Error(`a model URL needs its hash: ${url}#sha256=<64 hex digits>`);
  return { url: url!, sha256: hash.data };
}
