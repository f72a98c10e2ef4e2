import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { validationError } from "./validation-error";

const MAX_JSON_BYTES = 16 * 1024;

/**
 * Reads a small JSON body and validates it. Refuses oversize bodies before reading them whole, so a
 * huge request costs us at most MAX_JSON_BYTES of memory.
 */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError("payload_too_large");
  const text = await readLimited(request);
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

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return "";
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_JSON_BYTES) throw new AppError("payload_too_large");
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
