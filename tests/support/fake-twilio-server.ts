import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Twilio's error body, as its REST API sends it. */
export type TwilioErrorBody = { code: number; message: string; more_info: string; status: number };

export type RecordedTwilioRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
  auth: { user: string; pass: string } | null;
};

/** A string is sent as text/plain (a proxy's error page); anything else as JSON. */
type PlannedFailure = { status: number; body: unknown };

export type FakeTwilioServer = {
  /** `http://127.0.0.1:PORT`, for `client.api.baseUrl`. */
  baseUrl: string;
  requests: RecordedTwilioRequest[];
  /** Answers the next `times` requests with this status and body instead of sending. */
  failNext(failure: { status: number; body?: unknown }, times?: number): void;
  close(): Promise<void>;
};

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-zA-Z]+)\/Messages\.json$/;

export function twilioError(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/**
 * A stand-in for api.twilio.com's Messages endpoint: it checks basic auth against the given credentials,
 * answers like Twilio (201 with a message resource, or Twilio's error JSON), and records every request.
 */
export async function startFakeTwilioServer(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilioServer> {
  const requests: RecordedTwilioRequest[] = [];
  const failures: PlannedFailure[] = [];

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const recorded: RecordedTwilioRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(raw)),
        auth: parseBasicAuth(req.headers.authorization),
      };
      requests.push(recorded);
      answer(recorded, res, credentials, failures.shift());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    // Twilio's generic codes are 20000 + the HTTP status (20429 Too Many Requests, 20500 Internal Server Error).
    failNext({ status, body = twilioError(status, 20_000 + status, "Planned failure") }, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ status, body });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections(); // the SDK keeps connections alive
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(
  request: RecordedTwilioRequest,
  res: ServerResponse,
  credentials: { accountSid: string; authToken: string },
  failure: PlannedFailure | undefined,
): void {
  const match = MESSAGES_PATH.exec(request.path);
  if (request.method !== "POST" || !match) {
    return send(res, 404, twilioError(404, 20404, `The requested resource ${request.path} was not found`));
  }
  const { auth } = request;
  if (!auth || auth.user !== credentials.accountSid || auth.pass !== credentials.authToken || match[1] !== auth.user) {
    return send(res, 401, twilioError(401, 20003, "Authenticate"));
  }
  if (failure) return send(res, failure.status, failure.body);
  send(res, 201, messageResource(match[1], request.form));
}

/** The fields of a real `POST .../Messages.json` answer (Twilio API reference, Message resource). */
function messageResource(accountSid: string, form: Record<string, string>) {
  const sid = `SM${randomBytes(16).toString("hex")}`;
  const now = new Date().toUTCString().replace("GMT", "+0000");
  const viaService = Boolean(form.MessagingServiceSid);
  return {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: form.Body ?? "",
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    // A Messaging Service picks the sender later, so Twilio reports it as "accepted" with no From yet.
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: "USD",
    sid,
    status: viaService ? "accepted" : "queued",
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To ?? "",
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/plain" : "application/json" });
  res.end(text);
}

function parseBasicAuth(header: string | undefined): { user: string; pass: string } | null {
  const match = /^Basic (.+)$/.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
