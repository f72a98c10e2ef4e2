import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sessionUser } from "@/lib/auth/current-user";
import { LoginForm } from "./_components/login-form";

export default async function LoginPage() {
  if (await sessionUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-sm space-y-4 py-8">
      <h1 id="login-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <LoginForm />
    </section>
  );
}
