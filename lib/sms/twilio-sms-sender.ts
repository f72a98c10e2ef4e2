import "server-only";
import type pino from "pino";
import type { Twilio } from "twilio";
import type { SmsMessage, SmsReceipt, SmsSender } from "./sms-sender";
import { toSmsDeliveryError } from "./twilio-error";

export type TwilioSmsSenderOptions = {
  accountSid: string;
  authToken: string;
  fromNumber?: string;
  messagingServiceSid?: string;
  /** Replaces `https://api.twilio.com` (a local fake in tests, an egress proxy in production). */
  apiBaseUrl?: string;
  logger: pino.Logger;
};

// A sign-in request waits on this call; Twilio's 30 s default would outlast the user's patience.
const REQUEST_TIMEOUT_MS = 10_000;

/** Sends through Twilio's Programmable Messaging API with the official SDK. */
export function createTwilioSmsSender(options: TwilioSmsSenderOptions): SmsSender {
  const { accountSid, authToken, fromNumber, messagingServiceSid, apiBaseUrl } = options;
  if (!fromNumber && !messagingServiceSid) {
    throw new Error("Twilio SMS needs a sender: set fromNumber or messagingServiceSid");
  }
  // The SDK is loaded on the first message, not with this module: it is large (megabytes of code kept
  // in memory), and a server that signs nobody in by SMS yet should not carry it.
  let client: Promise<Twilio> | undefined;
  const loadClient = () =>
    (client ??= import("twilio").then(({ default: twilio }) => {
      const created = twilio(accountSid, authToken, { timeout: REQUEST_TIMEOUT_MS, autoRetry: false });
      // twilio 6 has no constructor option for this: every request URL is built from the API domain's
      // `baseUrl` (lib/base/Domain.js absoluteUrl), so overriding it redirects Messages calls wholesale.
      if (apiBaseUrl) created.api.baseUrl = apiBaseUrl;
      return created;
    }));
  // A Messaging Service picks the best sender per destination (and handles opt-outs), so it wins.
  const sender = messagingServiceSid ? { messagingServiceSid } : { from: fromNumber as string };
  const logger = options.logger.child({ provider: "twilio" });

  return {
    name: "twilio",
    async send({ to, body }: SmsMessage): Promise<SmsReceipt> {
      try {
        const message = await (await loadClient()).messages.create({ to, body, ...sender });
        logger.info({ to, sid: message.sid, status: message.status }, "sms accepted by twilio");
        return { provider: "twilio", id: message.sid };
      } catch (error) {
        const failure = toSmsDeliveryError(error);
        // Never log `error` itself: axios errors carry the request, whose body holds the code.
        // Bad credentials or an unrecognised failure need an operator; the rest are routine.
        const level = failure.reason === "provider_auth" || failure.reason === "unknown" ? "error" : "warn";
        logger[level](
          { to, status: failure.status, twilioCode: failure.providerCode, reason: failure.reason },
          "sms rejected by twilio",
        );
        throw failure;
      }
    },
  };
}
