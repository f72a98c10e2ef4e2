import "server-only";
import type pino from "pino";
import { createDevSmsSender } from "./dev-sms-sender";
import type { SmsSender } from "./sms-sender";
import { createTwilioSmsSender } from "./twilio-sms-sender";

export type SmsConfig = {
  nodeEnv: "development" | "production" | "test";
  twilio?: {
    accountSid: string;
    authToken: string;
    fromNumber?: string;
    messagingServiceSid?: string;
    apiBaseUrl?: string;
  };
  /** `ALLOW_DEV_SMS`: end-to-end tests of a production build only, never a reachable server. */
  allowDevSmsInProduction?: boolean;
};

/**
 * The one place the SMS provider is chosen: Twilio when it has credentials, otherwise the development
 * sender. Production without Twilio is a configuration error, not a fallback: the dev sender would
 * print every sign-in code to the log and send nothing.
 */
export function createSmsSender(config: SmsConfig, logger: pino.Logger): SmsSender {
  const { twilio } = config;
  if (twilio?.accountSid && twilio.authToken) return createTwilioSmsSender({ ...twilio, logger });
  if (config.nodeEnv === "production" && !config.allowDevSmsInProduction) {
    throw new Error(
      "No SMS provider configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER " +
        "(or TWILIO_MESSAGING_SERVICE_SID). The development SMS sender is never used in production.",
    );
  }
  if (config.nodeEnv === "production") {
    logger.warn("ALLOW_DEV_SMS is on in production: sign-in codes are logged, no SMS is sent");
  }
  return createDevSmsSender({ logger });
}
