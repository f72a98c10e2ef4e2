import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recordings, users } from "@/db/schema";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";
import { createHandlerFetch } from "../../support/api-routes";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { newUzbekMobile } from "../../support/phones";
import { lastCodeSentTo } from "../../support/sms-outbox";

type Fetch = Awaited<ReturnType<typeof createHandlerFetch>>;

class ApiError extends Error {}

/**
 * A client written exactly to the original (FastAPI) design, as its Flutter `ApiService` and React
 * `services/api.js` behave: a call succeeds only on 200 (`statusCode == 200`), any other status is an
 * error whose text is `detail` (FastAPI's field: a string, or for 422 a list of { loc, msg, type }),
 * the list is read without paging parameters, and a transcript is edited by PUTting transcript_text.
 */
class OriginalDesignClient {
  private token: string | null = null;
  readonly branches: string[] = [];

  constructor(private readonly fetch: Fetch) {}

  private async request<T>(name: string, path: string, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    // A browser sends its language (the React client); English keeps the messages below readable.
    headers.set("Accept-Language", "en");
    if (this.token) headers.set("Authorization", `Bearer ${this.token}`);
    const response = await this.fetch(`http://localhost/api/v1${path}`, { ...init, headers });
    const data = await response.json();
    if (response.status === 200) {
      this.branches.push(`${name}:ok`);
      return data as T;
    }
    this.branches.push(`${name}:error`);
    // services/api.js: error.response.data.detail; the Flutter client: jsonDecode(body)['detail'].
    const detail = data.detail as string | { msg: string }[] | undefined;
    if (detail === undefined) throw new Error(`${name}: an error without detail (${response.status})`);
    throw new ApiError(typeof detail === "string" ? detail : detail.map((issue) => issue.msg).join("; "));
  }

  private json(body: unknown): RequestInit {
    return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  }

  sendOtp(phone: string) {
    return this.request<{ message: string }>("sendOtp", "/auth/send_otp", this.json({ phone_number: phone }));
  }

  async verifyOtp(phone: string, code: string) {
    const tokens = await this.request<{ access_token: string; token_type: string }>("verifyOtp", "/auth/verify_otp", this.json({ phone_number: phone, otp_code: code }));
    this.token = tokens.access_token;
    return tokens;
  }

  uploadAudio(file: Blob, filename: string, title: string) {
    const form = new FormData();
    form.append("file", file, filename);
    form.append("title", title);
    return this.request<{ id: string; title: string }>("uploadAudio", "/audio/upload", { method: "POST", body: form });
  }

  getRecordings() {
    return this.request<{ items: { id: string }[]; total: number }>("getRecordings", "/audio/list");
  }

  getRecording(id: string) {
    return this.request<{ id: string; transcript_text: string | null; transcript_version: number }>("getRecording", `/audio/${id}`);
  }

  updateTranscript(id: string, text: string, version?: number) {
    const body = version === undefined ? { transcript_text: text } : { transcript_text: text, transcript_version: version };
    return this.request<{ transcript_text: string }>("updateTranscript", `/audio/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }

  updateTitle(id: string, title: string) {
    return this.request<{ title: string }>("updateTitle", `/audio/${id}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ title }) });
  }

  deleteRecording(id: string) {
    return this.request<{ message: string }>("deleteRecording", `/audio/${id}`, { method: "DELETE" });
  }

  signOut() {
    this.token = null;
  }
}

let fetchApi: Fetch;
let mp3: Buffer<ArrayBuffer>;

beforeAll(async () => {
  fetchApi = await createHandlerFetch();
  mp3 = readFileSync((await getAudioFixtures()).mp3) as Buffer<ArrayBuffer>;
}, 120_000);

/** What the transcription job writes when it finishes: timed segments and a completed status. */
async function finishTranscription(id: string) {
  await db.update(recordings).set({ transcriptionStatus: "completed" }).where(eq(recordings.id, id));
  await db.transaction((tx) =>
    writeAllSegments(
      tx,
      id,
      [
        { startMs: 0, endMs: 4000, text: "And so my fellow Americans," },
        { startMs: 4000, endMs: 8000, text: "ask not what your country can do for you," },
        { startMs: 8000, endMs: 11000, text: "ask what you can do for your country." },
      ],
      { kind: "transcription", authorId: null },
    ),
  );
}

describe("a client written to the original design", () => {
  it("signs in, uploads, lists, reads, edits the text of a finished transcript and deletes, every call on its success branch", async () => {
    const client = new OriginalDesignClient(fetchApi);
    const phone = newUzbekMobile();
    await client.sendOtp(phone);
    expect((await client.verifyOtp(phone, lastCodeSentTo(phone))).token_type).toBe("bearer");

    const uploaded = await client.uploadAudio(new Blob([mp3], { type: "audio/mpeg" }), "jfk.mp3", "JFK");
    expect(uploaded.title).toBe("JFK");
    const list = await client.getRecordings();
    expect(list.items.map((item) => item.id)).toEqual([uploaded.id]);

    await finishTranscription(uploaded.id);
    const before = await client.getRecording(uploaded.id);
    expect(before.transcript_text).toBe("And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.");
    const edited = "And so, my fellow Americans: ask not what your country can do for you — ask what you can do for your country.";
    expect((await client.updateTranscript(uploaded.id, edited)).transcript_text).toBe(edited);
    expect((await client.getRecording(uploaded.id)).transcript_text).toBe(edited);
    const segments = await (await fetchApi(`http://localhost/api/v1/audio/${uploaded.id}/segments`, { headers: { authorization: `Bearer ${(client as unknown as { token: string }).token}` } })).json();
    expect(segments.segments.map((segment: { start_ms: number }) => segment.start_ms)).toEqual([0, 4000, 8000]);
    expect((await client.updateTitle(uploaded.id, "JFK, 1961")).title).toBe("JFK, 1961");

    await client.deleteRecording(uploaded.id);
    expect((await client.getRecordings()).total).toBe(0);
    expect(client.branches.every((branch) => branch.endsWith(":ok"))).toBe(true);
  });

  it("gets every page it expects without paging: the list defaults to 100", async () => {
    const client = new OriginalDesignClient(fetchApi);
    const phone = newUzbekMobile();
    await client.sendOtp(phone);
    await client.verifyOtp(phone, lastCodeSentTo(phone));
    const [owner] = await db.select().from(users).where(eq(users.phone, phone));
    await db.insert(recordings).values(
      Array.from({ length: 30 }, (_, index) => ({ id: crypto.randomUUID(), userId: owner!.id, storageKey: `k${index}-${crypto.randomUUID()}.mp3`, originalFilename: "a.mp3", title: `R${index}`, fileSize: 1, durationSeconds: 1, mimeType: "audio/mpeg" })),
    );
    const list = await client.getRecordings();
    expect([list.items.length, list.total]).toEqual([30, 30]);
  });

  it("takes the error branch, with a readable detail, exactly where the original did", async () => {
    const client = new OriginalDesignClient(fetchApi);
    const phone = newUzbekMobile();
    const expectError = async (call: Promise<unknown>, text: RegExp) => {
      const error = await call.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(text);
    };

    await expectError(client.sendOtp("12345"), /./);
    await client.sendOtp(phone);
    await expectError(client.verifyOtp(phone, "000000" === lastCodeSentTo(phone) ? "111111" : "000000"), /not right/i);
    await expectError(client.getRecordings(), /sign in/i);
    await client.verifyOtp(phone, lastCodeSentTo(phone));

    await expectError(client.uploadAudio(new Blob(["hello, not audio"], { type: "audio/mpeg" }), "notes.mp3", "x"), /./);
    await expectError(client.getRecording(crypto.randomUUID()), /not found/i);
    const uploaded = await client.uploadAudio(new Blob([mp3]), "jfk.mp3", "JFK");
    await expectError(client.updateTitle(uploaded.id, ""), /./);
    await expectError(client.updateTranscript(uploaded.id, "new text", 99), /./);
    await client.deleteRecording(uploaded.id);
    await expectError(client.deleteRecording(uploaded.id), /not found/i);
    client.signOut();
    await expectError(client.deleteRecording(uploaded.id), /sign in/i);

    expect(client.branches).toEqual([
      "sendOtp:error",
      "sendOtp:ok",
      "verifyOtp:error",
      "getRecordings:error",
      "verifyOtp:ok",
      "uploadAudio:error",
      "getRecording:error",
      "uploadAudio:ok",
      "updateTitle:error",
      "updateTranscript:error",
      "deleteRecording:ok",
      "deleteRecording:error",
      "deleteRecording:error",
    ]);
  });
});
