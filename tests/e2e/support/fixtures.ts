import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { newClientIp } from "./sign-in";

export { expect };

type ConsoleErrorGuard = { errors: string[]; allowed: RegExp[] };

/**
 * Every e2e test fails if a page it opened logged a console error or threw an uncaught exception:
 * hydration mismatches, 404s for assets and client crashes show up there and nowhere else.
 */
export const test = base.extend<{ consoleErrorGuard: ConsoleErrorGuard; allowConsoleError: (pattern: RegExp, reason: string) => void }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => provide({ ...extraHTTPHeaders, "x-forwarded-for": newClientIp() }),
  consoleErrorGuard: [
    // `provide` is Playwright's `use`, renamed: the React hooks lint rule takes `use` for a hook.
    async ({ browser, context }, provide) => {
      const guard: ConsoleErrorGuard = { errors: [], allowed: [] };
      const watchPage = (page: Page) => {
        page.on("console", (message) => {
          if (message.type() === "error") guard.errors.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
        });
        page.on("pageerror", (error) => guard.errors.push(`uncaught on ${page.url()}: ${error.message}`));
      };
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on("page", watchPage);
      };
      watchContext(context);
      // Tests that need several users open their own contexts; those are watched too.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        watchContext(created);
        return created;
      };
      await provide(guard);
      browser.newContext = newContext;
      const unexpected = guard.errors.filter((error) => !guard.allowed.some((pattern) => pattern.test(error)));
      expect(unexpected, "browser console errors and uncaught exceptions").toEqual([]);
    },
    { auto: true },
  ],
  /** Lets this test's pages log errors matching `pattern`; `reason` says which deliberate failure causes them. */
  allowConsoleError: async ({ consoleErrorGuard }, provide) => {
    await provide((pattern, reason) => {
      consoleErrorGuard.allowed.push(pattern);
      test.info().annotations.push({ type: "allowed console error", description: `${pattern}: ${reason}` });
    });
  },
});
