import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { signInAsNewUser } from "./support/sign-in";

/**
 * Another origin on the same site as the app (same host, another port: cookies do not care about
 * ports, so the session cookie travels with its requests, as it would from a sibling subdomain).
 */
async function startOtherOrigin(appOrigin: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>elsewhere</title>
      <form id="retranscribe" method="post" enctype="text/plain" target="sink"><input name='{"language":"ru","x":"' value='"}'></form>
      <iframe name="sink"></iframe>
      <script>window.appOrigin = ${JSON.stringify(appOrigin)};</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function libraryCount(page: Page): Promise<number> {
  const response = await page.request.get("/api/v1/audio/list");
  return (await response.json()).total;
}

test("a page on another origin of the same site cannot upload or retranscribe with the user's cookie", async ({ page, baseURL, allowConsoleError }) => {
  allowConsoleError(/status of 403 .*\/api\/v1\/audio\/(upload|[0-9a-f-]+\/retranscribe)\)$/, "the foreign page's forged requests are refused, which is the point");
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  const [recording] = (await (await page.request.get("/api/v1/audio/list")).json()).items;
  await expect.poll(async () => (await (await page.request.get(`/api/v1/audio/${recording.id}`)).json()).transcription_status, { timeout: 30_000 }).toBe("completed");
  const before = await libraryCount(page);

  const other = await startOtherOrigin(new URL(baseURL!).origin);
  try {
    const attacker = await page.context().newPage();
    await attacker.goto(other.origin);
    // fetch with credentials: the browser sends the cookie (same site) but the app must refuse.
    const sent = await attacker.evaluate(async () => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(4096)], { type: "audio/mpeg" }), "x.mp3");
      const app = (window as unknown as { appOrigin: string }).appOrigin;
      try {
        await fetch(`${app}/api/v1/audio/upload`, { method: "POST", body: form, credentials: "include", mode: "no-cors" });
        return "sent";
      } catch (error) {
        return String(error);
      }
    });
    expect(sent).toBe("sent");
    // A form post with a JSON-looking text/plain body, the classic way around CORS.
    const refused = attacker.waitForResponse((response) => response.url().includes("/retranscribe"));
    await attacker.evaluate((id) => {
      const form = document.getElementById("retranscribe") as HTMLFormElement;
      form.action = `${(window as unknown as { appOrigin: string }).appOrigin}/api/v1/audio/${id}/retranscribe`;
      form.submit();
    }, recording.id);
    expect((await refused).status()).toBe(403);
  } finally {
    await other.close();
  }
  expect(await libraryCount(page)).toBe(before);
  const after = await (await page.request.get(`/api/v1/audio/${recording.id}`)).json();
  expect(after).toMatchObject({ language: recording.language, transcription_status: "completed" });
});

test("server actions refuse a request whose Origin is not the app's", async ({ page, baseURL }) => {
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  await page.getByTestId("library-item").first().getByRole("link").click();
  const title = page.getByLabel("Sarlavha");
  // Capture a real rename action call, then replay it from "another origin".
  const captured = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await title.fill("Ours");
  await page.getByRole("button", { name: "Saqlash" }).click();
  const action = await captured;
  await expect(page.getByRole("status")).toBeVisible();
  // page.request sends the context's cookies itself.
  const headers = action.headers();
  const body = action.postData()!.replace("Ours", "Forged");
  const forged = await page.request.post(action.url(), { headers: { ...headers, origin: "http://127.0.0.1:1" }, data: body });
  expect(forged.ok()).toBe(false);
  await page.reload();
  await expect(title).toHaveValue("Ours");
  const same = await page.request.post(action.url(), { headers: { ...headers, origin: new URL(baseURL!).origin }, data: body });
  expect(same.ok()).toBe(true);
  await page.reload();
  await expect(title).toHaveValue("Forged");
});

test("a signed-out session cookie replayed later is not signed in", async ({ page, browser }) => {
  await signInAsNewUser(page);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Chiqish" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/recordings");
  await expect(replayed).toHaveURL(/\/login$/);
  expect((await replayed.request.get("/api/v1/users/me")).status()).toBe(401);
  await replay.close();
});

// Several browsers of one user need several codes a minute apart; that case is in
// tests/integration/auth/browser-session.test.ts. Here: the button works and the session is gone.
test("'End all sessions' signs this browser out and its cookie stops working", async ({ page, browser }) => {
  await signInAsNewUser(page);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Barcha seanslarni yakunlash" }).click();
  await expect(page).toHaveURL(/\/login$/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  expect((await (await replay.newPage()).request.get("/api/v1/users/me")).status()).toBe(401);
  await replay.close();
});

test("pages cannot be framed and carry a Content-Security-Policy; API answers are not cached", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  await signInAsNewUser(page);
  await page.getByTestId("upload-input").setInputFiles(path.join(sharedAudio, "jfk.mp3"));
  await expect(page.getByTestId("upload-state")).toHaveText("Yuklandi");
  await page.getByTestId("library-item").first().getByRole("link").click();
  await expect.poll(() => page.getByTestId("audio-player").evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(10);
  expect(violations).toEqual([]);
  const api = await page.request.get("/api/v1/users/me");
  expect(api.headers()["cache-control"]).toBe("no-store");
});
