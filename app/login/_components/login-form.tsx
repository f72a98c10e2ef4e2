"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { formatPhoneInput } from "@/lib/auth/format-phone-input";
import { CodeStep } from "./code-step";
import { requestCodeWithProofOfWork } from "./request-code-with-proof-of-work";

type SentCode = { phone: string; phoneDisplay: string; resendAfterSeconds: number };

export function LoginForm() {
  const t = useTranslations("auth");
  const [phone, setPhone] = useState("+998 ");
  const [sent, setSent] = useState<SentCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [solving, setSolving] = useState(false);

  function sendCode(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await requestCodeWithProofOfWork(phone, setSolving);
      if (result.ok) {
        setError(null);
        setSent(result.data);
      } else {
        setError(result.error.message);
      }
    });
  }

  if (sent) {
    return <CodeStep phone={sent.phone} phoneDisplay={sent.phoneDisplay} resendAfterSeconds={sent.resendAfterSeconds} onChangeNumber={() => setSent(null)} />;
  }

  return (
    <form onSubmit={sendCode} className="space-y-4" noValidate>
      <p className="text-slate-600">{t("intro")}</p>
      <div className="space-y-1">
        <label htmlFor="phone" className="block text-sm font-medium">
          {t("phoneLabel")}
        </label>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          autoFocus
          value={phone}
          onChange={(event) => setPhone(formatPhoneInput(event.target.value))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "phone-error" : undefined}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-lg tracking-wide"
        />
        {error && (
          <p id="phone-error" role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {solving ? t("checking") : pending ? t("sending") : t("sendCode")}
      </button>
    </form>
  );
}
