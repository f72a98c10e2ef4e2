import "server-only";
import { SmsDeliveryError, type SmsFailureReason } from "./sms-delivery-error";

// https://www.twilio.com/docs/api/errors — only codes that change what the caller should do are listed.
const INVALID_NUMBER_CODES = new Set([21211, 21217, 21614]); // invalid / not a mobile number
const BLOCKED_CODES = new Set([21408, 21610, 21612]); // region not enabled, recipient sent STOP, no route
const AUTH_CODES = new Set([20003, 20005]); // bad credentials, account suspended
const THROTTLED_CODE = 20429;

/**
 * Turns whatever the Twilio SDK threw into an `SmsDeliveryError`. The SDK throws `RestException` (or the
 * newer `TwilioServiceException`) with `status` and `code` when Twilio answered, and axios's error when it
 * did not; both are read by shape so neither class has to be imported.
 */
export function toSmsDeliveryError(error: unknown): SmsDeliveryError {
  const status = numberField(error, "status");
  const providerCode = numberField(error, "code");
  const reason = status === undefined ? transportReason(error) : httpReason(status, providerCode);
  return new SmsDeliveryError({ reason, provider: "twilio", status, providerCode });
}

function httpReason(status: number, code: number | undefined): SmsFailureReason {
  if (code !== undefined && INVALID_NUMBER_CODES.has(code)) return "invalid_number";
  if (code !== undefined && BLOCKED_CODES.has(code)) return "blocked";
  if (status === 401 || (code !== undefined && AUTH_CODES.has(code))) return "provider_auth";
  if (status === 429 || status >= 500 || code === THROTTLED_CODE) return "provider_unavailable";
  return "unknown";
}

/** No HTTP answer: a refused connection or a timeout is an outage; an SDK argument error is our bug. */
function transportReason(error: unknown): SmsFailureReason {
  const isAxios = typeof error === "object" && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return isAxios || (typeof code === "string" && /^E[A-Z]+$/.test(code)) ? "provider_unavailable" : "unknown";
}

function numberField(error: unknown, key: "status" | "code"): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
