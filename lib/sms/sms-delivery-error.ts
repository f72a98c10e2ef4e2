import "server-only";

export type SmsFailureReason = "invalid_number" | "blocked" | "provider_auth" | "provider_unavailable" | "unknown";

type SmsDeliveryErrorOptions = {
  reason: SmsFailureReason;
  provider: "twilio" | "dev";
  /** The provider's HTTP status, when it answered at all. */
  status?: number;
  /** The provider's own error code (Twilio: 21211, 20003, ...). */
  providerCode?: number;
};

/**
 * Why an SMS did not go out, in terms the caller can act on. It deliberately carries no `cause`: the
 * SDK's errors can hold the request (and so the one-time code), and this error gets logged upstream.
 */
export class SmsDeliveryError extends Error {
  readonly reason: SmsFailureReason;
  /** Only a provider outage or throttling is worth retrying; the same message would fail again otherwise. */
  readonly retryable: boolean;
  readonly provider: "twilio" | "dev";
  readonly status?: number;
  readonly providerCode?: number;

  constructor({ reason, provider, status, providerCode }: SmsDeliveryErrorOptions) {
    const details = [status && `HTTP ${status}`, providerCode && `code ${providerCode}`].filter(Boolean).join(", ");
    super(`SMS via ${provider} failed: ${reason}${details ? ` (${details})` : ""}`);
    this.name = "SmsDeliveryError";
    this.reason = reason;
    this.retryable = reason === "provider_unavailable";
    this.provider = provider;
    this.status = status;
    this.providerCode = providerCode;
  }
}
