import "server-only";
import { otpLimiters } from "@/lib/auth/otp/otp-rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { createProofOfWork } from "./create-proof-of-work";
import { verifyProofOfWork } from "./verify-proof-of-work";

/**
 * Before a code is texted: once this client, or the whole site, has asked for more codes this hour than
 * its threshold, the request must carry a solved proof-of-work. Without one (or with a bad, expired or
 * reused one) the answer is a 428 whose details carry a fresh challenge to solve.
 */
export async function requireProofOfWork(clientIp: string | null, solution: string | undefined): Promise<void> {
  if (!(await proofOfWorkNeeded(clientIp))) return;
  if (solution && (await verifyProofOfWork(solution))) return;
  const code = solution ? "challenge_invalid" : "challenge_required";
  throw new AppError("precondition_required", { code, messageKey: `auth.${code}`, details: { challenge: await createProofOfWork() } });
}

async function proofOfWorkNeeded(clientIp: string | null): Promise<boolean> {
  const limits = otpLimiters();
  const [client, site] = await Promise.all([clientIp ? limits.sendsPerIpHour.get(clientIp) : null, limits.smsBudgetHour.get("all")]);
  return (clientIp !== null && (client?.consumedPoints ?? 0) >= env.SIGN_IN_CHALLENGE_AFTER_PER_IP) || (site?.consumedPoints ?? 0) >= env.SIGN_IN_CHALLENGE_AFTER_SITE;
}
