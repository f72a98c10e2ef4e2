import { solveChallenge } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";
import { requestSignInCode } from "../_actions/request-sign-in-code";

type Result = Awaited<ReturnType<typeof requestSignInCode>>;

/**
 * Asks for a code; when the server first wants a proof-of-work (a 428 carrying an ALTCHA challenge),
 * solves it here with Web Crypto — no outside service, no network but our own — and asks again once.
 * `onSolving` lets the form say what the pause is.
 */
export async function requestCodeWithProofOfWork(phone: string, onSolving: (solving: boolean) => void): Promise<Result> {
  const first = await requestSignInCode({ phone });
  const challenge = first.ok || first.error.code !== "challenge_required" ? undefined : (first.error.details as { challenge?: Challenge } | undefined)?.challenge;
  if (!challenge) return first;
  onSolving(true);
  try {
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    if (!solution) return first;
    const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
    return await requestSignInCode({ phone, proofOfWork: btoa(JSON.stringify(payload)) });
  } finally {
    onSolving(false);
  }
}
