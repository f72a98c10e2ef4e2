import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { devSmsEnabled } from "@/lib/sms/get-sms-sender";
import { listDevMessages } from "@/lib/sms/dev-sms-sender";

export const dynamic = "force-dynamic";

/** Development only: the codes the development sender "sent". A 404 whenever a real SMS provider is in use. */
export default async function DevSmsPage() {
  if (!devSmsEnabled()) notFound();
  const [t, format] = await Promise.all([getTranslations("devSms"), getFormatter()]);
  const messages = listDevMessages();
  return (
    <section aria-labelledby="dev-sms-title" className="space-y-4">
      <h1 id="dev-sms-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-slate-600">{t("intro")}</p>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="dev-sms">
              <p className="text-sm text-slate-600">
                {t("to")}: <span data-testid="dev-sms-to">{message.to}</span> · {t("sentAt")}: {format.dateTime(message.sentAt, { dateStyle: "short", timeStyle: "medium" })}
              </p>
              <pre className="mt-2 whitespace-pre-wrap font-mono" data-testid="dev-sms-body">
                {message.body}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
