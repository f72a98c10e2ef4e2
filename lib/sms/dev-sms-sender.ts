import "server-only";
import { randomUUID } from "node:crypto";
import type pino from "pino";
import type { SmsMessage, SmsReceipt, SmsSender } from "./sms-sender";

export type DevSmsMessage = { id: string; to: string; body: string; sentAt: Date };

const RING_SIZE = 50;
// On globalThis because Next's dev server re-evaluates modules on every edit; a module-level array would
// forget the code a developer is about to type.
const RING_KEY = Symbol.for("yozuv.sms.devMessages");
type RingHolder = { [RING_KEY]?: DevSmsMessage[] };

function ring(): DevSmsMessage[] {
  const holder = globalThis as RingHolder;
  return (holder[RING_KEY] ??= []);
}

/**
 * Sends nothing: logs the message (sign-in code included) and keeps it for `listDevMessages`. For
 * development and tests only; `createSmsSender` refuses it in production.
 */
export function createDevSmsSender(options: { logger: pino.Logger }): SmsSender {
  const logger = options.logger.child({ provider: "dev" });
  return {
    name: "dev",
    async send({ to, body }: SmsMessage): Promise<SmsReceipt> {
      const message: DevSmsMessage = { id: `dev-${randomUUID()}`, to, body, sentAt: new Date() };
      const messages = ring();
      messages.unshift(message);
      messages.length = Math.min(messages.length, RING_SIZE);
      logger.info({ to, body, id: message.id }, "DEVELOPMENT ONLY: SMS not sent, shown here instead");
      return { provider: "dev", id: message.id };
    },
  };
}

/** The development sender's messages, newest first (copies: callers cannot alter the ring). */
export function listDevMessages(): DevSmsMessage[] {
  return ring().map((message) => ({ ...message, sentAt: new Date(message.sentAt) }));
}

/** Empties the ring, so each test (or developer) starts from a known state. */
export function clearDevMessages(): void {
  ring().length = 0;
}
