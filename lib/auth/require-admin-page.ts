import "server-only";
import { notFound } from "next/navigation";
import { requireSessionUser, type CurrentUser } from "./current-user";

/** For /admin pages: signed out → the login page; signed in but not an admin → a plain 404, nothing about the console. */
export async function requireAdminPage(): Promise<CurrentUser> {
  const user = await requireSessionUser();
  if (user.role !== "admin") notFound();
  return user;
}
