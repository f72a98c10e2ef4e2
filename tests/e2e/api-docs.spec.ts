import { expect, test } from "./support/fixtures";
import { signInAsNewUser } from "./support/sign-in";

test("signed-in people reach the API docs from the header; the page renders the contract without leaving the server", async ({ page, baseURL }) => {
  test.slow(); // sign-in plus a 4.9 MB viewer bundle
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) outside.push(request.url());
  });
  await signInAsNewUser(page);
  await page.getByRole("navigation").getByRole("link", { name: "API hujjatlari" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  // Scalar renders the document (in a frame of its own): an operation's summary shows it was read.
  const shown = async () => (await Promise.all(page.frames().map((frame) => frame.getByText("Text a sign-in code to a phone").count()))).reduce((sum, count) => sum + count, 0);
  await expect.poll(shown, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(outside).toEqual([]);
});
