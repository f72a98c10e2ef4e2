import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = { page: number; pages: number; href: (page: number) => string };

export async function Pager({ page, pages, href }: Props) {
  if (pages <= 1) return null;
  const t = await getTranslations("admin");
  return (
    <nav className="flex items-center justify-between text-sm" aria-label={t("pageOf", { page, pages })}>
      {page > 1 ? <Link href={href(page - 1)} className="text-brand-700 underline">{t("previous")}</Link> : <span />}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)} className="text-brand-700 underline">{t("next")}</Link> : <span />}
    </nav>
  );
}
