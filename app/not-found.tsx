import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="mx-auto max-w-md space-y-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-300" aria-hidden>
        404
      </p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t("home")}
      </Link>
    </section>
  );
}
