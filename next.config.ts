import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "postgres", "rate-limiter-flexible", "pg-boss", "pg", "@napi-rs/whisper", "@ffmpeg-installer/ffmpeg", "pdfkit"],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tests included) with tsc; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
