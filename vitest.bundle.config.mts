import { defineConfig } from "vitest/config";

// The copied-bundle test (tests/bundle): needs a production build, so it is not part of `npx vitest run`.
// Run it after `npm run build`: `npx vitest run --config vitest.bundle.config.mts` (scripts/test.sh does,
// after the browser tests, whose server uses the same build).
export default defineConfig({
  test: {
    include: ["tests/bundle/**/*.test.ts"],
    env: { LOG_LEVEL: "silent" },
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
