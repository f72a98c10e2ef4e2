import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { contentSecurityPolicy } from "./lib/http/content-security-policy";

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled. So is twilio: bundled, its
  // 8 MB went into the shared chunk that every group of API routes gets its own copy of (about ten),
  // each held in memory as source.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "postgres", "rate-limiter-flexible", "pg-boss", "pg", "@napi-rs/whisper", "@ffmpeg-installer/ffmpeg", "pdfkit", "twilio"],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tests included) with tsc; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // The editor saves a whole transcript (up to 2,000,000 characters, ~6 MB of UTF-8) in one action.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  async headers() {
    const security = [
      { key: "Content-Security-Policy", value: contentSecurityPolicy(process.env.NODE_ENV === "development") },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    // Pages only: API answers set their own (the audio file is `sandbox`, the docs page allows its viewer).
    return [{ source: "/((?!api/).*)", headers: security }];
  },
};

/**
 * next-intl's plugin only adds build-time aliases (already in the build when `next start` runs), and
 * loading it loads @swc/core and a file watcher too, ~15 MB resident in every production server.
 */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
