import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { otpChallenges } from "@/db/schema";
import { hashOtpCode } from "./otp-code";
import { otpPolicy } from "./otp-policy";

const isLive = and(isNull(otpChallenges.consumedAt), isNull(otpChallenges.supersededAt));

/** Issues a new challenge and kills every earlier one for the phone, in one transaction. */
export async function createOtpChallenge(phone: string, code: string, now = new Date()): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.update(otpChallenges).set({ supersededAt: now }).where(and(eq(otpChallenges.phone, phone), isLive));
    await tx.insert(otpChallenges).values({
      id,
      phone,
      codeHash: hashOtpCode(id, phone, code),
      expiresAt: new Date(now.getTime() + otpPolicy.codeTtlSeconds * 1000),
      createdAt: now,
    });
  });
  return id;
}

export async function deleteOtpChallenge(id: string): Promise<void> {
  await db.delete(otpChallenges).where(eq(otpChallenges.id, id));
}

export type LatestChallenge = typeof otpChallenges.$inferSelect;

export async function findLatestLiveChallenge(phone: string): Promise<LatestChallenge | undefined> {
  const [latest] = await db
    .select()
    .from(otpChallenges)
    .where(and(eq(otpChallenges.phone, phone), isLive))
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  return latest;
}

/**
 * Counts one attempt against the challenge, atomically: the row lock makes concurrent guesses queue
 * up and re-check `attempts`, so no more than the allowed number are ever evaluated.
 */
export async function claimOtpAttempt(challengeId: string, now = new Date()): Promise<LatestChallenge | undefined> {
  const [claimed] = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(
      and(
        eq(otpChallenges.id, challengeId),
        isLive,
        gt(otpChallenges.expiresAt, now),
        lt(otpChallenges.attempts, otpPolicy.maxAttemptsPerCode),
      ),
    )
    .returning();
  return claimed;
}

/** Marks the code used; of two simultaneous correct submissions exactly one gets `true`. */
export async function consumeOtpChallenge(challengeId: string, now = new Date()): Promise<boolean> {
  const consumed = await db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(and(eq(otpChallenges.id, challengeId), isLive))
    .returning({ id: otpChallenges.id });
  return consumed.length === 1;
}
