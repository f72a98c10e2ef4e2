/** One text message to one phone number. `body` may hold a sign-in code: treat it as a secret. */
export type SmsMessage = { to: string /* E.164 */; body: string };

export type SmsReceipt = { provider: "twilio" | "dev"; id: string };

export interface SmsSender {
  readonly name: "twilio" | "dev";
  /** Resolves once the provider has accepted the message; rejects with an `SmsDeliveryError`. */
  send(message: SmsMessage): Promise<SmsReceipt>;
}
