import { solveChallenge } from "altcha-lib/v1";
import type { Challenge } from "altcha-lib/v1/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newClientIp, newUzbekMobile } from "../../support/phones";
import { messagesTo } from "../../support/sms-outbox";

const perClient = 2;
const site = 12;
vi.stubEnv("SIGN_IN_CHALLENGE_AFTER_PER_IP", String(perClient));
vi.stubEnv("SIGN_IN_CHALLENGE_AFTER_SITE", String(site));
vi.stubEnv("SIGN_IN_CHALLENGE_MAX_NUMBER", "5000");
vi.resetModules();

const { requestOtp } = await import("@/lib/auth/otp/request-otp");
const { createProofOfWork, PROOF_OF_WORK_TTL_SECONDS } = await import("@/lib/auth/proof-of-work/create-proof-of-work");
const { verifyProofOfWork } = await import("@/lib/auth/proof-of-work/verify-proof-of-work");
const { POST: sendOtpRoute } = await import("@/app/api/v1/auth/send_otp/route");
const { AppError } = await import("@/lib/errors/app-error");
const { PEER_ADDRESS_HEADER } = await import("@/lib/http/peer-address");

afterEach(() => vi.useRealTimers());

async function solve(challenge: Challenge, number?: number): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: number ?? solution!.number, salt: challenge.salt, signature: challenge.signature };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const send = (clientIp: string | null, proofOfWork?: string, phone = newUzbekMobile()) => requestOtp({ phone, clientIp, locale: "uz", proofOfWork });

describe("a proof-of-work", () => {
  it("verifies once when solved, and never again", async () => {
    const solution = await solve(await createProofOfWork());
    expect(await verifyProofOfWork(solution)).toBe(true);
    expect(await verifyProofOfWork(solution)).toBe(false);
  });

  it("is refused with a wrong number, a forged signature or garbage", async () => {
    const challenge = await createProofOfWork();
    const right = JSON.parse(Buffer.from(await solve(challenge), "base64").toString());
    expect(await verifyProofOfWork(await solve(challenge, (right.number + 1) % challenge.maxnumber!))).toBe(false);
    expect(await verifyProofOfWork(await solve({ ...challenge, signature: "0".repeat(64) }))).toBe(false);
    expect(await verifyProofOfWork("not base64 json")).toBe(false);
  });

  it("expires", async () => {
    const challenge = await createProofOfWork(Date.now() - (PROOF_OF_WORK_TTL_SECONDS + 1) * 1000);
    expect(await verifyProofOfWork(await solve(challenge))).toBe(false);
  });
});

describe("the challenge before a code is texted", () => {
  it("is asked of a client only once it has asked for more codes than the threshold; solved, the code goes out", async () => {
    const ip = newClientIp();
    for (let i = 0; i < perClient; i += 1) await send(ip);
    const phone = newUzbekMobile();
    const required = await refusal(send(ip, undefined, phone));
    expect(required.status).toBe(428);
    expect(required.code).toBe("challenge_required");
    expect(messagesTo(phone)).toHaveLength(0);
    const solution = await solve((required.details as { challenge: Challenge }).challenge);
    await expect(send(ip, solution, phone)).resolves.toMatchObject({ phone });
    expect(messagesTo(phone)).toHaveLength(1);

    const replayed = await refusal(send(ip, solution));
    expect(replayed.code).toBe("challenge_invalid");
    // Another client has not crossed its threshold.
    await expect(send(newClientIp())).resolves.toBeDefined();
  });

  it("answers the API's send_otp with a localized 428 carrying the challenge", async () => {
    const ip = newClientIp();
    const call = (body: object) =>
      sendOtpRoute(new Request("http://localhost/api/v1/auth/send_otp", { method: "POST", headers: { "content-type": "application/json", "accept-language": "en", [PEER_ADDRESS_HEADER]: ip }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    for (let i = 0; i < perClient; i += 1) expect((await call({ phone_number: newUzbekMobile() })).status).toBe(200);
    const phone = newUzbekMobile();
    const response = await call({ phone_number: phone });
    expect(response.status).toBe(428);
    const body = await response.json();
    expect(body.error.code).toBe("challenge_required");
    expect(body.detail).toBe("One moment: your browser needs to confirm this request first.");
    const solved = await call({ phone_number: phone, proof_of_work: await solve(body.error.details.challenge) });
    expect(solved.status).toBe(200);
  });

  it("is asked of everyone, known address or not, once the whole site has sent more than its threshold", async () => {
    // Earlier tests in this file sent codes too; fill the site's hour up to the threshold.
    let sent = 0;
    while (sent < site) {
      const answer = await send(newClientIp()).then(
        () => "sent",
        (error: InstanceType<typeof AppError>) => error.code,
      );
      if (answer !== "sent") break;
      sent += 1;
    }
    expect((await refusal(send(newClientIp()))).code).toBe("challenge_required");
    expect((await refusal(send(null))).code).toBe("challenge_required");
  });
});
