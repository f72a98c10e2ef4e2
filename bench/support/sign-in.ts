import { randomInt } from "node:crypto";
import type { ServerProcess } from "./server-process";

/**
 * Signs a new user in through the real API, as the mobile app does, and returns the Authorization
 * header. The code comes from the server's log: the development SMS sender (ALLOW_DEV_SMS) logs each
 * message as a pino JSON line `{ to, body, ... }` instead of sending it.
 */
export async function signInWithDevSms(url: string, server: ServerProcess): Promise<string> {
  const phone = `+99890${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  await postJson(`${url}/api/v1/auth/send_otp`, { phone_number: phone });
  const code = await server.waitForLine((line) => smsCodeFor(phone, line), 15_000);
  const tokens = (await postJson(`${url}/api/v1/auth/verify_otp`, { phone_number: phone, otp_code: code })) as { access_token?: string };
  if (!tokens.access_token) throw new Error(`verify_otp returned no access_token: ${JSON.stringify(tokens)}`);
  return `Bearer ${tokens.access_token}`;
}

function smsCodeFor(phone: string, line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const entry = JSON.parse(line) as { to?: unknown; body?: unknown };
    if (entry.to !== phone || typeof entry.body !== "string") return undefined;
    return /\b(\d{6})\b/.exec(entry.body)?.[1];
  } catch {
    return undefined;
  }
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}
