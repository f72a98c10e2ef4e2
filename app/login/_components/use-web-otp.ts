"use client";

import { useEffect, useRef } from "react";

type OtpCredential = Credential & { code: string };

/**
 * On phones that support WebOTP, the SMS's last line (`@host #code`) lets the browser offer the code
 * itself; elsewhere this does nothing and the person types or pastes the code.
 */
export function useWebOtp(onCode: (code: string) => void) {
  const callback = useRef(onCode);
  useEffect(() => {
    callback.current = onCode;
  });

  useEffect(() => {
    if (!("OTPCredential" in window)) return;
    const abort = new AbortController();
    navigator.credentials
      .get({ otp: { transport: ["sms"] }, signal: abort.signal } as CredentialRequestOptions)
      .then((credential) => {
        if (credential && "code" in credential) callback.current((credential as OtpCredential).code);
      })
      .catch(() => {});
    return () => abort.abort();
  }, []);
}
