"use server";

import { sessionUser } from "@/lib/auth/current-user";
import { signOutEverywhere } from "@/lib/auth/end-user-sessions";
import { signOut } from "@/lib/auth/next-auth";

/** Ends every browser session, mobile token and API key of the signed-in user, this browser included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await sessionUser();
  if (user) await signOutEverywhere(user.id);
  await signOut({ redirectTo: "/login" });
}
