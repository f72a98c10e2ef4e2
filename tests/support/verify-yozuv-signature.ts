import { createHmac, timingSafeEqual } from "node:crypto";

// The README's verification snippet, with types: what a receiver runs on every delivery.
// rawBody: the request body exactly as received, before any JSON parsing.
export function verifyYozuvSignature(secret: string, header: string, rawBody: string | Buffer, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
