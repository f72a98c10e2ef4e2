import "server-only";
import { createHash, randomInt } from "node:crypto";

/** Every key starts with this, so secret scanners (and people) can recognise a leaked one. */
export const API_KEY_PREFIX = "yz_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
// 43 base62 characters carry 256 bits; base62 (no - or _) selects as one word on a double click.
const SECRET_CHARS = 43;
// How much of the key lists show: enough to tell keys apart, far too little to guess the rest.
const SHOWN_CHARS = API_KEY_PREFIX.length + 6;

export type ApiKeySecret = { secret: string; prefix: string; secretHash: string };

/** A new key: the secret (shown once), its prefix for lists, and the hash that is stored. */
export function generateApiKeySecret(): ApiKeySecret {
  const secret = API_KEY_PREFIX + Array.from({ length: SECRET_CHARS }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return { secret, prefix: secret.slice(0, SHOWN_CHARS), secretHash: hashApiKeySecret(secret) };
}

/** Keys are found by this hash, so comparing secrets never leaks timing about the secret itself. */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
