import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/current-user";

/** The library is the home page of a signed-in user. */
export default async function HomePage() {
  await requireSessionUser();
  redirect("/recordings");
}
