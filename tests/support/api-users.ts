import { db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { startMobileSession } from "@/lib/auth/mobile/mobile-sessions";
import { newUzbekMobile } from "./phones";

export type ApiUser = { id: string; phone: string; role: Role; authorization: string };

/** A user with a real access token, made without the SMS round trip the auth tests already cover. */
export async function createApiUser(role: Role = "user"): Promise<ApiUser> {
  const [user] = await db.insert(users).values({ phone: newUzbekMobile(), role }).returning();
  const pair = await startMobileSession(user!, "tests");
  return { id: user!.id, phone: user!.phone, role, authorization: `Bearer ${pair.accessToken}` };
}
