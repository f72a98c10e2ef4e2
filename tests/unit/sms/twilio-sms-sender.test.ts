import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SmsDeliveryError } from "@/lib/sms/sms-delivery-error";
import { createTwilioSmsSender, type TwilioSmsSenderOptions } from "@/lib/sms/twilio-sms-sender";
import { startFakeTwilioServer, twilioError, type FakeTwilioServer } from "../../support/fake-twilio-server";
import { createMemoryLogger } from "./memory-logger";
import { rejectionOf } from "../../support/rejection-of";

const accountSid = "AC0123456789abcdef0123456789abcdef";
const authToken = "fake-auth-token-5f2c";
const to = "+998901112233";
// Digits that appear nowhere else in a request or log line, so finding them means the code leaked.
const code = "847296";
const body = `Yozuv: your sign-in code is ${code}. Do not share it with anyone.`;

let server: FakeTwilioServer;
let logs: ReturnType<typeof createMemoryLogger>;

beforeEach(async () => {
  server = await startFakeTwilioServer({ accountSid, authToken });
  logs = createMemoryLogger();
});
afterEach(() => server.close());

function sender(overrides: Partial<TwilioSmsSenderOptions> = {}) {
  return createTwilioSmsSender({ accountSid, authToken, fromNumber: "+15005550006", apiBaseUrl: server.baseUrl, logger: logs.logger, ...overrides });
}

const failureOf = (promise: Promise<unknown>) => rejectionOf(promise, SmsDeliveryError);

describe("createTwilioSmsSender", () => {
  it("posts the message to the Messages API of the account, with basic auth", async () => {
    const receipt = await sender().send({ to, body });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.auth).toEqual({ user: accountSid, pass: authToken });
    expect(request?.form).toEqual({ To: to, From: "+15005550006", Body: body });
    expect(receipt.provider).toBe("twilio");
    expect(receipt.id).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("accepts a base URL with a trailing slash", async () => {
    await sender({ apiBaseUrl: `${server.baseUrl}/` }).send({ to, body });
    expect(server.requests[0]?.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
  });

  it("sends through the Messaging Service, not the number, when both are configured", async () => {
    const messagingServiceSid = "MG0123456789abcdef0123456789abcdef";
    await sender({ messagingServiceSid }).send({ to, body });
    expect(server.requests[0]?.form).toEqual({ To: to, MessagingServiceSid: messagingServiceSid, Body: body });
  });

  it("refuses to be created without a sender number or Messaging Service", () => {
    expect(() => sender({ fromNumber: undefined })).toThrow(/fromNumber or messagingServiceSid/);
  });

  it.each([
    { status: 400, twilioCode: 21211, reason: "invalid_number", retryable: false },
    { status: 400, twilioCode: 21614, reason: "invalid_number", retryable: false },
    { status: 400, twilioCode: 21610, reason: "blocked", retryable: false },
    { status: 400, twilioCode: 21408, reason: "blocked", retryable: false },
    { status: 429, twilioCode: 20429, reason: "provider_unavailable", retryable: true },
    { status: 500, twilioCode: 20500, reason: "provider_unavailable", retryable: true },
    { status: 503, twilioCode: 20503, reason: "provider_unavailable", retryable: true },
    { status: 400, twilioCode: 21606, reason: "unknown", retryable: false },
  ])("maps HTTP $status / $twilioCode to $reason", async ({ status, twilioCode, reason, retryable }) => {
    server.failNext({ status, body: twilioError(status, twilioCode, "Twilio says no") });
    const error = await failureOf(sender().send({ to, body }));
    expect(error).toMatchObject({ reason, retryable, status, providerCode: twilioCode, provider: "twilio" });
  });

  it("reports rejected credentials as provider_auth (the server checks them, not a planned failure)", async () => {
    const error = await failureOf(sender({ authToken: "wrong-token" }).send({ to, body }));
    expect(error).toMatchObject({ reason: "provider_auth", retryable: false, status: 401, providerCode: 20003 });
  });

  it("treats a non-JSON 502 from a proxy as a retryable outage", async () => {
    server.failNext({ status: 502, body: "<html>Bad Gateway</html>" });
    const error = await failureOf(sender().send({ to, body }));
    expect(error).toMatchObject({ reason: "provider_unavailable", retryable: true, status: 502 });
  });

  it("reads Twilio's newer RFC 9457 error bodies too", async () => {
    server.failNext({ status: 400, body: { type: "https://www.twilio.com/docs/errors/21211", title: "Invalid 'To' Phone Number", status: 400, code: 21211 } });
    const error = await failureOf(sender().send({ to, body }));
    expect(error).toMatchObject({ reason: "invalid_number", status: 400, providerCode: 21211 });
  });

  it("treats an unreachable Twilio as a retryable outage", async () => {
    const closedUrl = server.baseUrl;
    await server.close();
    const error = await failureOf(sender({ apiBaseUrl: closedUrl }).send({ to, body }));
    expect(error).toMatchObject({ reason: "provider_unavailable", retryable: true, status: undefined });
    server = await startFakeTwilioServer({ accountSid, authToken }); // for afterEach
  });
});

describe("what the Twilio sender logs", () => {
  it("logs the recipient and Twilio's answer on success, never the code", async () => {
    await sender().send({ to, body });
    const [entry] = logs.entries();
    expect(entry).toMatchObject({ to, provider: "twilio", status: "queued" });
    expect(logs.text()).not.toContain(code);
  });

  it("logs status and Twilio's error code on failure, never the code", async () => {
    server.failNext({ status: 400, body: twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`) });
    await failureOf(sender().send({ to, body }));
    const [entry] = logs.entries();
    expect(entry).toMatchObject({ to, provider: "twilio", status: 400, twilioCode: 21211 });
    expect(logs.text()).not.toContain(code);
  });

  it("keeps the code out of the logs when the connection fails (the SDK's error holds the request)", async () => {
    const closedUrl = server.baseUrl;
    await server.close();
    const error = await failureOf(sender({ apiBaseUrl: closedUrl }).send({ to, body }));
    // The caller will log the error it gets: that must be safe as well.
    logs.logger.error({ err: error }, "sign-in failed");
    expect(logs.lines).toHaveLength(2);
    expect(logs.text()).not.toContain(code);
    server = await startFakeTwilioServer({ accountSid, authToken });
  });
});
