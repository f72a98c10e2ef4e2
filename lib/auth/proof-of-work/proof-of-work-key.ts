import "server-only";
import { hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

let key: string | undefined;

/** The HMAC key that signs challenges, derived from AUTH_SECRET for this use alone. */
export function proofOfWorkKey(): string {
  key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "yozuv", "sign-in-proof-of-work", 32)).toString("base64url");
  return key;
}
