import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createSmsSender } from "./create-sms-sender";
import type { SmsSender } from "./sms-sender";

let sender: SmsSender | undefined;

/** The configured sender, made on first use (so a missing provider fails the first send, loudly). */
export function getSmsSender(): SmsSender {
  sender ??= createSmsSender(
    {
      nodeEnv: env.NODE_ENV,
      allowDevSmsInProduction: env.ALLOW_DEV_SMS,
      twilio:
        env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
          ? {
              accountSid: env.TWILIO_ACCOUNT_SID,
              authToken: env.TWILIO_AUTH_TOKEN,
              fromNumber: env.TWILIO_FROM_NUMBER,
              messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
              apiBaseUrl: env.TWILIO_API_BASE_URL,
            }
          : undefined,
    },
    logger.child({ module: "sms" }),
  );
  return sender;
}

/** Whether /dev/sms may show the development sender's messages. */
export function devSmsEnabled(): boolean {
  return getSmsSender().name === "dev";
}
