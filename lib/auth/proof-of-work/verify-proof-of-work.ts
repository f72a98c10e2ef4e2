import "server-only";
import { verifySolution } from "altcha-lib/v1";
import { otpLimiters, tryConsume } from "@/lib/auth/otp/otp-rate-limits";
import { proofOfWorkKey } from "./proof-of-work-key";

/**
 * Whether `solution` (the base64 JSON payload the browser sends) answers a challenge we signed, before
 * its expiry, for the first time: each solved challenge is spent in the database, so it buys one request.
 */
export async function verifyProofOfWork(solution: string): Promise<boolean> {
  let payload: { signature?: unknown };
  try {
    payload = JSON.parse(Buffer.from(solution, "base64").toString("utf8"));
  } catch {
    return false;
  }
  if (typeof payload?.signature !== "string" || !(await verifySolution(solution, proofOfWorkKey(), true).catch(() => false))) return false;
  return tryConsume(otpLimiters().spentProofsOfWork, payload.signature);
}
