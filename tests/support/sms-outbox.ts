import { listDevMessages } from "@/lib/sms/dev-sms-sender";

/** Everything the development sender "sent" to a phone, newest first. */
export function messagesTo(phone: string) {
  return listDevMessages().filter((message) => message.to === phone);
}

export function lastCodeSentTo(phone: string): string {
  const [latest] = messagesTo(phone);
  const code = latest && /\b(\d{6})\b/.exec(latest.body)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}
