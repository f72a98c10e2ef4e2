import "server-only";
import { createChallenge } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";
import { env } from "@/lib/env";
import { proofOfWorkKey } from "./proof-of-work-key";

export const PROOF_OF_WORK_TTL_SECONDS = 300;

/**
 * An ALTCHA challenge (find the number whose SHA-256 with the salt gives the challenge, below
 * `maxnumber`), signed so the server keeps no state until it is answered; the expiry is in the salt.
 */
export function createProofOfWork(now = Date.now()): Promise<Challenge> {
  return createChallenge({
    hmacKey: proofOfWorkKey(),
    maxnumber: env.SIGN_IN_CHALLENGE_MAX_NUMBER,
    expires: new Date(now + PROOF_OF_WORK_TTL_SECONDS * 1000),
  });
}
