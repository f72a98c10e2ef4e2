"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { signInWithCode } from "../_actions/sign-in-with-code";
import { requestCodeWithProofOfWork } from "./request-code-with-proof-of-work";
import { useCountdown } from "./use-countdown";
import { useWebOtp } from "./use-web-otp";

type Props = { phone: string; phoneDisplay: string; resendAfterSeconds: number; onChangeNumber: () => void };

const CODE_LENGTH = 6;

export function CodeStep({ phone, phoneDisplay, resendAfterSeconds, onChangeNumber }: Props) {
  const t = useTranslations("auth");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const countdown = useCountdown(resendAfterSeconds);
  const form = useRef<HTMLFormElement>(null);

  function submit(value: string) {
    startTransition(async () => {
      // On success the action redirects, so only a failure comes back here.
      const result = await signInWithCode({ phone, code: value });
      if (!result.ok) setError(result.error.message);
    });
  }

  function resend() {
    startTransition(async () => {
      const result = await requestCodeWithProofOfWork(phone, () => {});
      if (result.ok) {
        setError(null);
        setCode("");
        countdown.restart(result.data.resendAfterSeconds);
      } else {
        setError(result.error.message);
        if (result.error.retryAfterSeconds) countdown.restart(result.error.retryAfterSeconds);
      }
    });
  }

  function change(value: string) {
    // Pasting "Code: 123 456" or an autofilled SMS keeps just the digits.
    const digits = value.replace(/\D/g, "").slice(0, CODE_LENGTH);
    setCode(digits);
    if (digits.length === CODE_LENGTH && !pending) submit(digits);
  }

  useWebOtp((received) => change(received));
  useEffect(() => form.current?.querySelector("input")?.focus(), []);

  return (
    <form
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        submit(code);
      }}
      className="space-y-4"
      noValidate
    >
      <p className="text-slate-600" aria-live="polite">
        {t("codeSentTo", { phone: phoneDisplay })}
      </p>
      <div className="space-y-1">
        <label htmlFor="code" className="block text-sm font-medium">
          {t("codeLabel")}
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={CODE_LENGTH + 8}
          value={code}
          onChange={(event) => change(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-error" : undefined}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-center font-mono text-2xl tracking-[0.5em]"
        />
        {error && (
          <p id="code-error" role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending || code.length !== CODE_LENGTH} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("verifying") : t("verify")}
      </button>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <button type="button" onClick={onChangeNumber} className="text-brand-700 underline underline-offset-2">
          {t("changeNumber")}
        </button>
        <button type="button" onClick={resend} disabled={pending || countdown.seconds > 0} className="text-brand-700 underline underline-offset-2 disabled:text-slate-500 disabled:no-underline">
          {countdown.seconds > 0 ? t("resendIn", { seconds: countdown.seconds }) : t("resend")}
        </button>
      </div>
    </form>
  );
}
