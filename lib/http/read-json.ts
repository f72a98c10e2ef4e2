import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { validationError } from "./validation-error";

const DEFAULT_MAX_BYTES = 16 * 1024;
// Room for the field names, numbers and punctuation around the long strings.
const ENVELOPE_BYTES = 4 * 1024;
// The most one character can take in JSON: a \uXXXX escape.
const MAX_BYTES_PER_CHAR = 6;

/**
 * Reads a JSON body and validates it. Refuses oversize bodies before reading them whole, so a huge
 * request costs at most the limit in memory. The limit follows the schema: a route whose strings may
 * hold `maxChars` characters in all accepts any body that can carry them, and nothing much larger.
 */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema, options: { maxChars?: number } = {}): Promise<z.infer<Schema>> {
  const maxBytes = options.maxChars ? options.maxChars * MAX_BYTES_PER_CHAR + ENVELOPE_BYTES : DEFAULT_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("payload_too_large");
  const text = await readLimited(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw validationError(parsed.error.issues, "body");
  }
  return parsed.data;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new AppError("payload_too_large");
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
