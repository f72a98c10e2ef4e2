import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/require-admin-page";

export default async function AdminPage() {
  await requireAdminPage();
  redirect("/admin/users");
}
