import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "Import them from ./support/fixtures, whose test fails on browser console errors." }] }],
    },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "uploads/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/vendor/**"]),
]);
