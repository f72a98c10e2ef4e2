import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy } from "./lib/http/content-security-policy";
import { bucketOrigin } from "./lib/storage/bucket-origin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "postgres", "rate-limiter-flexible", "pg-boss", "pg", "@napi-rs/whisper", "@ffmpeg-installer/ffmpeg", "pdfkit", "@aws-sdk/client-s3", "@aws-sdk/lib-storage", "@aws-sdk/s3-presigned-post"],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tests included) with tsc; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // The editor saves a whole transcript (up to 2,000,000 characters, ~6 MB of UTF-8) in one action.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  async headers() {
    const security = [
      // Headers are fixed at build time: a build for S3 must see STORAGE_DRIVER and S3_* (README, Object storage).
      { key: "Content-Security-Policy", value: contentSecurityPolicy(process.env.NODE_ENV === "development", bucketOrigin(process.env)) },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    // Pages only: API answers set their own (the audio file is `sandbox`, the docs page allows its viewer).
    return [{ source: "/((?!api/).*)", headers: security }];
  },
};

export default withNextIntl(nextConfig);
